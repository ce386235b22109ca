"""A vispy visual that draws a deforming head fast enough for playback.

vispy's stock ``MeshVisual.set_data`` rebuilds its program and recomputes normals on every call
(about 100 ms a frame at 20k vertices, see docs/architecture.md). :class:`HeadMeshVisual` instead uploads the
triangle (and edge) index buffers once and then overwrites the position and normal vertex buffers in
place each frame (``glBufferSubData``); the normals come from the rig, which computes them itself.

Shading is a camera-relative three-point set-up (warm key light above-left of the camera, cool fill
from the right, a rim light from behind) over a sky/ground ambient term, with Blinn-Phong highlights
whose strength depends on the part (wet eyes and teeth shine, skin barely). Lights follow the camera,
so every view of the head is lit the same way.

vispy is imported when this module is imported; the model layer must therefore import this module
lazily (``kfstudio.render.offscreen`` does so inside its functions). The editor uses the scene-graph node
:data:`HeadMesh` (built on first access) inside its own canvas.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from vispy import gloo
from vispy.scene.visuals import create_visual_node
from vispy.visuals import Visual

from kfstudio.render.sides import face_parts, one_sided_faces

__all__ = ["HeadMeshVisual", "HeadMesh", "part_shininess", "PART_ID_MODE", "SHADED_MODE", "FACING_MODE"]

SHADED_MODE = 0
#: Draw each part in a flat colour encoding ``part index + 1`` in the red channel (0 = background).
#: A triangle whose corners belong to different parts counts as the part of most of its corners.
PART_ID_MODE = 1
#: Draw the front of every triangle green and its back red (unlit): whether culling back faces would hide
#: anything that shows (:attr:`HeadMeshVisual.cull`).
FACING_MODE = 2

_VERTEX = """
attribute vec3 a_position;
attribute vec3 a_normal;
attribute vec4 a_color;
attribute float a_shine;
attribute float a_part;
varying vec3 v_position;
varying vec3 v_normal;
varying vec4 v_color;
varying float v_shine;
varying float v_part;
void main() {
    v_position = a_position;
    v_normal = a_normal;
    v_color = a_color;
    v_shine = a_shine;
    v_part = a_part;
    gl_Position = $transform(vec4(a_position, 1.0));
}
"""

_FRAGMENT = """
uniform vec3 u_key_dir;
uniform vec3 u_fill_dir;
uniform vec3 u_rim_dir;
uniform vec3 u_up_dir;
uniform vec4 u_eye;
uniform int u_mode;        // 0 shaded, 1 part ids, 2 facing
uniform int u_line_pass;   // 1 while drawing the wireframe edges
uniform int u_both_sides;  // 1 while drawing the triangles never culled (facing mode)
uniform float u_face_part; // part of the faces being drawn in part-id mode
varying vec3 v_position;
varying vec3 v_normal;
varying vec4 v_color;
varying float v_shine;
varying float v_part;

const vec3 KEY_COLOR = vec3(1.10, 1.03, 0.94);
const vec3 FILL_COLOR = vec3(0.34, 0.38, 0.48);
const vec3 RIM_COLOR = vec3(0.55, 0.60, 0.70);
const vec3 SKY = vec3(0.22, 0.23, 0.26);
const vec3 GROUND = vec3(0.10, 0.08, 0.075);

void main() {
    if (u_mode == 1) {
        gl_FragColor = vec4((u_face_part + 1.0) / 255.0, 0.0, 0.0, 1.0);
        return;
    }
    if (u_mode == 2) {  // which side of each triangle is seen: front (or a part drawn from both sides) green, back red
        gl_FragColor = (gl_FrontFacing || u_both_sides == 1) ? vec4(0.0, 1.0, 0.0, 1.0) : vec4(1.0, 0.0, 0.0, 1.0);
        return;
    }
    if (u_line_pass == 1) {
        gl_FragColor = vec4(v_color.rgb * 0.25, 1.0);
        return;
    }
    vec3 view_dir = normalize(u_eye.xyz - v_position * u_eye.w);
    if (!gl_FrontFacing) {
        // the inside of a closed surface (the mouth and throat seen between parted lips): dark and unlit
        gl_FragColor = vec4(v_color.rgb * 0.16 + vec3(0.05, 0.012, 0.012), v_color.a);
        return;
    }
    vec3 n = normalize(v_normal);
    if (dot(n, view_dir) < 0.0) n = -n;  // two-sided: inner surfaces (mouth, lids) stay lit
    // a little wrap: the key's terminator is soft (a sharp one draws a seam down a face lit from the side)
    float key_raw = dot(n, u_key_dir);
    float key = max((key_raw + 0.35) / 1.35, 0.0);
    key *= key;
    float fill = max(dot(n, u_fill_dir), 0.0);
    float facing = max(dot(n, view_dir), 0.0);
    float rim = pow(1.0 - facing, 3.0) * (0.35 + 0.65 * max(dot(n, u_rim_dir), 0.0));
    vec3 ambient = mix(GROUND, SKY, 0.5 + 0.5 * dot(n, u_up_dir));
    vec3 base = v_color.rgb;
    vec3 diffuse = base * (ambient + key * KEY_COLOR + 0.65 * fill * FILL_COLOR);
    vec3 half_dir = normalize(u_key_dir + view_dir);
    float exponent = mix(12.0, 60.0, v_shine);
    float spec = pow(max(dot(n, half_dir), 0.0), exponent) * mix(0.06, 1.0, v_shine) * step(0.0, key_raw);
    vec3 color = diffuse + rim * RIM_COLOR * 0.6 + spec * KEY_COLOR;
    gl_FragColor = vec4(pow(clamp(color, 0.0, 1.0), vec3(1.0 / 1.15)), v_color.a);
}
"""

# Light directions in camera space: x right, y up, z toward the viewer.
_KEY_CAM = np.array([-0.42, 0.62, 0.66])
_FILL_CAM = np.array([0.75, 0.05, 0.65])
_RIM_CAM = np.array([0.30, 0.50, -0.80])

_SHINY_WORDS = {"eye": 1.0, "iris": 1.0, "pupil": 1.0, "cornea": 1.0, "sclera": 0.9,
                "teeth": 0.6, "tooth": 0.6, "tongue": 0.45, "lip": 0.3, "mouth": 0.3}


def part_shininess(part_names) -> np.ndarray:
    """Specular strength in [0, 1] for each part, guessed from its name (eyes shine most)."""
    shine = np.full(len(part_names), 0.1, dtype=np.float32)
    for i, name in enumerate(part_names):
        lowered = str(name).lower()
        matches = [v for word, v in _SHINY_WORDS.items() if word in lowered]
        if matches:
            shine[i] = max(matches)
    return shine


def _unit(v: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(v)
    return v / n if n > 0 else v


def _edges(faces: np.ndarray) -> np.ndarray:
    """Unique undirected edges of a triangle list, as an (E, 2) uint32 array."""
    e = np.concatenate([faces[:, [0, 1]], faces[:, [1, 2]], faces[:, [2, 0]]]).astype(np.uint32)
    e.sort(axis=1)
    return np.unique(e, axis=0)


class HeadMeshVisual(Visual):
    """Draws one head (any object with ``faces``, ``part``, ``colors``, ``part_names``).

    Call :meth:`set_pose` with the rig's ``(positions, normals)`` each frame; the buffers are
    updated in place. ``wireframe`` overlays the triangle edges; ``mode`` switches between shaded
    drawing, a flat part-id image used for picking and tests (see :data:`PART_ID_MODE`) and the facing image
    that says whether culling would hide anything (:data:`FACING_MODE`); ``cull`` culls back faces where allowed.
    """

    def __init__(self, head, positions=None, normals=None, wireframe: bool = False):
        Visual.__init__(self, vcode=_VERTEX, fcode=_FRAGMENT)
        faces = np.ascontiguousarray(head.faces, dtype=np.uint32)
        part = np.asarray(head.part, dtype=np.intp)
        vertex_colors = getattr(head, "vertex_colors", None)
        colors = (np.asarray(vertex_colors(), dtype=np.float32) if callable(vertex_colors)
                  else np.asarray(head.colors, dtype=np.float32)[np.asarray(head.part, dtype=np.intp)])
        self._n_vertices = len(part)
        self._tri_index = gloo.IndexBuffer(faces)
        self.cull = False
        self._vertices = head.vertices
        self._passes: list[tuple[Any, bool]] | None = None  # see _face_passes (built when first needed)
        self._edge_index = None  # built on first wireframe draw
        self._part_indices: list[tuple[int, Any]] | None = None  # [(part, IndexBuffer)], built on first part-id draw
        self._part = part
        self._faces = faces
        self._pos_vbo = gloo.VertexBuffer(np.zeros((self._n_vertices, 3), np.float32))
        self._nrm_vbo = gloo.VertexBuffer(np.zeros((self._n_vertices, 3), np.float32))
        prog = self.shared_program
        prog["a_position"] = self._pos_vbo
        prog["a_normal"] = self._nrm_vbo
        prog["a_color"] = gloo.VertexBuffer(np.ascontiguousarray(colors))
        prog["a_shine"] = gloo.VertexBuffer(part_shininess(head.part_names)[part])
        prog["a_part"] = gloo.VertexBuffer(part.astype(np.float32))
        self._mode = SHADED_MODE
        prog["u_mode"] = SHADED_MODE
        prog["u_line_pass"] = 0
        prog["u_both_sides"] = 0
        prog["u_face_part"] = 0.0
        self._bounds: tuple[np.ndarray, np.ndarray] | None = None
        self.wireframe = wireframe
        self._index_buffer = self._tri_index
        self._draw_mode = "triangles"
        self.set_gl_state("opaque", depth_test=True, cull_face=False,
                          polygon_offset_fill=True, polygon_offset=(1.0, 1.0))
        if positions is None:
            positions = np.asarray(head.vertices, dtype=np.float32)
            normals = np.zeros_like(positions) if normals is None else normals
        self.set_pose(positions, normals)

    @property
    def _face_passes(self) -> list[tuple[Any, bool]]:
        """(triangles, cull back faces?): the parts wound alike and outward, then the rest (kfstudio.render.sides);
        worked out on first use (about 60 ms for the bundled head), which an offscreen still never needs."""
        if self._passes is None:
            one_sided = one_sided_faces(self._vertices, self._faces, self._part)
            self._passes = [(gloo.IndexBuffer(np.ascontiguousarray(self._faces[mask])), cull)
                            for mask, cull in ((one_sided, True), (~one_sided, False)) if mask.any()]
        return self._passes

    @property
    def can_cull(self) -> bool:
        """Whether any part may be drawn one-sided at all (so that :attr:`cull` would change anything)."""
        return any(cull for _, cull in self._face_passes)

    @property
    def mode(self) -> int:
        """:data:`SHADED_MODE`, :data:`PART_ID_MODE` or :data:`FACING_MODE`."""
        return self._mode

    @mode.setter
    def mode(self, value: int) -> None:
        if value not in (SHADED_MODE, PART_ID_MODE, FACING_MODE):
            raise ValueError(f"unknown drawing mode {value!r}")
        self._mode = int(value)
        self.shared_program["u_mode"] = self._mode
        self.update()

    def set_pose(self, positions: np.ndarray, normals: np.ndarray) -> None:
        """Overwrite the vertex positions and normals ((V, 3) each) in place."""
        positions = np.ascontiguousarray(positions, dtype=np.float32)
        normals = np.ascontiguousarray(normals, dtype=np.float32)
        if positions.shape != (self._n_vertices, 3) or normals.shape != positions.shape:
            raise ValueError(
                f"expected positions and normals of shape ({self._n_vertices}, 3), "
                f"got {positions.shape} and {normals.shape}"
            )
        self._pos_vbo.set_subdata(positions)
        self._nrm_vbo.set_subdata(normals)
        # column by column: numpy reduces an (N, 3) array along axis 0 some twenty times slower (1.4 ms a frame)
        columns = [positions[:, k] for k in range(3)]
        self._bounds = (np.array([c.min() for c in columns]), np.array([c.max() for c in columns]))
        self._bounds_changed()
        self.update()

    def _compute_bounds(self, axis, view):
        if self._bounds is None:
            return None
        return float(self._bounds[0][axis]), float(self._bounds[1][axis])

    def _prepare_transforms(self, view):
        view.view_program.vert["transform"] = view.get_transform()

    def _prepare_draw(self, view):
        self._set_light_uniforms(view)
        return True

    def _set_light_uniforms(self, view) -> None:
        """Express the camera-space lights and the eye position in the visual's coordinates."""
        right, up, toward, eye = camera_frame(view.transforms.get_transform("visual", "render"))
        basis = np.stack([right, up, toward])  # rows: camera axes in visual coordinates
        prog = view.view_program
        prog["u_key_dir"] = _unit(_KEY_CAM @ basis).astype(np.float32)
        prog["u_fill_dir"] = _unit(_FILL_CAM @ basis).astype(np.float32)
        prog["u_rim_dir"] = _unit(_RIM_CAM @ basis).astype(np.float32)
        prog["u_up_dir"] = up.astype(np.float32)
        prog["u_eye"] = eye.astype(np.float32)

    def draw(self):
        """Draw the triangles, then (with ``wireframe``) the edges on top.

        With :attr:`cull` on, parts wound alike and outward are drawn with back faces culled, the others from
        both sides (:func:`kfstudio.render.sides.one_sided_faces`): culling halves the triangles software
        OpenGL rasterises. It is off by default: turn it on only where :func:`kfstudio.render.sides.back_faces_show`
        says no back face shows (a head with no inside to its mouth would otherwise show the background through parted
        lips).

        In part-id mode the triangles are drawn part by part, so that a triangle spanning two
        parts shows one part id instead of a blend of the two.
        """
        if self._mode == PART_ID_MODE:
            self._draw_parts()
            return
        if not self.visible or self._prepare_draw(view=self) is False:
            return
        self._configure_gl_state()
        if self._mode == FACING_MODE:  # nothing culled; the parts that never are count as front
            passes = [(index, False, not one_sided) for index, one_sided in self._face_passes]
        elif self.cull:
            passes = [(index, one_sided, False) for index, one_sided in self._face_passes]
        else:
            passes = [(self._tri_index, False, False)]
        try:
            for index, cull, both_sides in passes:
                gloo.set_state(cull_face=cull)
                self._program["u_both_sides"] = int(both_sides)
                self._program.draw("triangles", index)
        finally:
            gloo.set_state(cull_face=False)
            self._program["u_both_sides"] = 0
        if not self.wireframe or self._mode == FACING_MODE:
            return  # (edges drawn over a facing image would hide the backs it is drawn to find)
        if self._edge_index is None:
            self._edge_index = gloo.IndexBuffer(_edges(self._faces))
        self._program["u_line_pass"] = 1
        try:
            self._program.draw("lines", self._edge_index)
        finally:
            self._program["u_line_pass"] = 0

    def _draw_parts(self) -> None:
        if not self.visible or self._prepare_draw(view=self) is False:
            return
        if self._part_indices is None:
            face_part = face_parts(self._faces, self._part)
            self._part_indices = [
                (int(p), gloo.IndexBuffer(np.ascontiguousarray(self._faces[face_part == p])))
                for p in np.unique(face_part)
            ]
        self._configure_gl_state()
        for part, index in self._part_indices:
            self._program["u_face_part"] = float(part)
            self._program.draw("triangles", index)


def camera_frame(visual_to_render):
    """Camera axes and eye point, in visual coordinates, of a visual-to-clip-space transform.

    Returns unit vectors ``right``, ``up`` and ``toward`` (toward the viewer) and the eye as a
    homogeneous point ``[x, y, z, 1]`` (a perspective camera) or direction ``[x, y, z, 0]`` (an
    orthographic one). Found by un-projecting a few points of normalised device coordinates
    with the transform's inverse mapping, so it works for any vispy camera.
    """
    ndc = np.array([[0, 0, -0.5, 1], [0.1, 0, -0.5, 1], [0, 0.1, -0.5, 1],
                    [0, 0, 0.5, 1], [0.5, 0, -0.5, 1], [0.5, 0, 0.5, 1]], dtype=np.float64)
    p = np.asarray(visual_to_render.imap(ndc), dtype=np.float64)
    p = p[:, :3] / p[:, 3:4]
    centre_near, step_x, step_y, centre_far, side_near, side_far = p
    right = _unit(step_x - centre_near)
    up = step_y - centre_near
    up = _unit(up - right * np.dot(up, right))
    toward = _unit(np.cross(right, up))
    eye = _closest_point(centre_near, centre_far, side_near, side_far)
    if eye is None:
        eye_h = np.append(toward, 0.0)
    else:
        eye_h = np.append(eye, 1.0)
    return right, up, toward, eye_h


def _closest_point(a0, a1, b0, b1):
    """Point nearest to both lines a0-a1 and b0-b1, or None when they are parallel."""
    da, db = a1 - a0, b1 - b0
    cross = np.cross(da, db)
    denom = np.dot(cross, cross)
    if denom < 1e-12 * np.dot(da, da) * np.dot(db, db):
        return None
    r = b0 - a0
    t = np.dot(np.cross(r, db), cross) / denom
    u = np.dot(np.cross(r, da), cross) / denom
    return (a0 + t * da + b0 + u * db) / 2.0


HeadMesh = create_visual_node(HeadMeshVisual)
