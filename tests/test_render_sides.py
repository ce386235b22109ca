"""Which triangles the viewport may draw one-sided (kfstudio.render.sides): the winding checks on small
meshes made here, the bundled head's parts, and the image test that says whether a back face shows."""

from __future__ import annotations

import numpy as np

from kfstudio.render.sides import back_faces_show, face_parts, one_sided_faces
from kfstudio.rig.head import default_head

# A unit cube wound counter-clockwise seen from outside (each face's normal by the right-hand rule points out).
CUBE_VERTICES = np.array([[x, y, z] for x in (0, 1) for y in (0, 1) for z in (0, 1)], dtype=float)
CUBE_FACES = np.array([
    [0, 1, 3], [0, 3, 2],  # x = 0
    [4, 6, 7], [4, 7, 5],  # x = 1
    [0, 4, 5], [0, 5, 1],  # y = 0
    [2, 3, 7], [2, 7, 6],  # y = 1
    [0, 2, 6], [0, 6, 4],  # z = 0
    [1, 5, 7], [1, 7, 3],  # z = 1
])


def _outward_normals_point_out(vertices, faces) -> bool:
    a, b, c = (vertices[faces[:, k]] for k in range(3))
    normal = np.cross(b - a, c - a)
    return bool(np.all(np.einsum("ij,ij->i", normal, (a + b + c) / 3 - 0.5) > 0))


def test_the_cube_made_here_is_wound_outward():
    assert _outward_normals_point_out(CUBE_VERTICES, CUBE_FACES)


def test_a_closed_outward_surface_is_one_sided():
    part = np.zeros(8, dtype=int)
    assert one_sided_faces(CUBE_VERTICES, CUBE_FACES, part).all()


def test_a_surface_wound_inside_out_is_drawn_from_both_sides():
    part = np.zeros(8, dtype=int)
    assert not one_sided_faces(CUBE_VERTICES, CUBE_FACES[:, ::-1], part).any()


def test_a_surface_wound_both_ways_is_drawn_from_both_sides():
    faces = CUBE_FACES.copy()
    faces[3] = faces[3, ::-1]  # one triangle flipped: its edges are walked the same way as its neighbours'
    part = np.zeros(8, dtype=int)
    assert not one_sided_faces(CUBE_VERTICES, faces, part).any()


def test_a_flat_card_is_drawn_from_both_sides_and_parts_are_judged_apart():
    # the cube (part 0) and a card (part 1) beside it: the card encloses no volume, the cube stays one-sided
    card = np.array([[3, 0, 0], [4, 0, 0], [4, 1, 0], [3, 1, 0]], dtype=float)
    vertices = np.vstack([CUBE_VERTICES, card])
    faces = np.vstack([CUBE_FACES, [[8, 9, 10], [8, 10, 11]]])
    part = np.array([0] * 8 + [1] * 4)
    one_sided = one_sided_faces(vertices, faces, part)
    assert one_sided[:12].all() and not one_sided[12:].any()


def test_a_triangle_counts_as_the_part_of_most_of_its_corners():
    part = np.array([0, 1, 1, 2])
    faces = np.array([[0, 1, 2], [1, 0, 3], [3, 2, 1], [0, 1, 3], [3, 0, 1]])
    assert face_parts(faces, part).tolist() == [1, 1, 1, 0, 2]  # no majority: the first corner's


def test_the_bundled_head_culls_its_closed_parts_and_keeps_its_lashes_two_sided():
    head = default_head()
    one_sided = one_sided_faces(head.vertices, head.faces, head.part)
    of_face = face_parts(head.faces, head.part)

    def culled(name):
        return one_sided[of_face == head.part_id(name)]

    for name in ("skin", "eye_white_l", "eye_white_r", "hair", "tongue"):
        assert culled(name).all(), name
    for name in ("lash_l", "lash_r"):  # cards seen from both sides
        assert not culled(name).any(), name
    assert one_sided.mean() > 0.8  # most of the triangles: culling is worth doing


def _facing_image(back_mask: np.ndarray) -> np.ndarray:
    image = np.zeros(back_mask.shape + (3,), dtype=np.uint8)
    image[..., 1] = 255
    image[back_mask] = (255, 0, 0)
    return image


def test_a_silhouettes_fringe_of_backs_does_not_count_but_a_patch_does():
    fringe = np.zeros((40, 40), dtype=bool)
    fringe[5:35, 20:22] = True  # a line two pixels wide, as along the edge of a head seen edge-on
    fringe[10, 5:30] = True  # and one crossing it
    assert not back_faces_show(_facing_image(fringe))
    patch = fringe.copy()
    patch[20:23, 8:11] = True  # 3 x 3: the inside seen through an opening
    assert back_faces_show(_facing_image(patch))
    assert not back_faces_show(_facing_image(np.zeros((40, 40), dtype=bool)))
