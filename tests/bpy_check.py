"""Run inside Blender's Python (the ``bpy`` wheel): import an FBX or glTF file headless and dump
what Blender made of it as JSON.

Usage: ``python bpy_check.py IN.(fbx|glb) OUT.json FPS``

FPS is set as the scene frame rate before the import (Blender's glTF importer places keys by the
scene's rate; the FBX importer takes the file's own rate). FBX keys are not offset
(``anim_offset=0``), so frame ``f`` is ``f / fps`` seconds in both cases.

The JSON holds the scene frame rate, every object (type, parent, shape key names, custom property
names), every animation curve (owner, data path, index, key times in frames, key values) and, for
every whole frame from the first to the last key, the value of every shape key, every animated
custom property and the world matrix of every object. Nothing here imports kfstudio: this script
only reports what the real reader did.
"""

import json
import math
import sys

import bpy
from bpy_extras import anim_utils


def _import(path: str, fps: float) -> None:
    bpy.ops.wm.read_factory_settings(use_empty=True)
    bpy.context.scene.render.fps = round(fps)
    bpy.context.scene.render.fps_base = round(fps) / fps
    if path.lower().endswith(".fbx"):
        bpy.ops.import_scene.fbx(filepath=path, use_custom_props=True, use_anim=True, anim_offset=0)
    else:
        bpy.ops.import_scene.gltf(filepath=path)


def _fcurves(anim_data):
    if anim_data is None or anim_data.action is None:
        return []
    bag = anim_utils.action_get_channelbag_for_slot(anim_data.action, anim_data.action_slot)
    return list(bag.fcurves) if bag is not None else []


def _curves_of(owner_name, anim_data):
    out = []
    for fc in _fcurves(anim_data):
        keys = fc.keyframe_points
        out.append({
            "owner": owner_name,
            "data_path": fc.data_path,
            "index": fc.array_index,
            "frames": [k.co[0] for k in keys],
            "values": [k.co[1] for k in keys],
            "interpolation": sorted({k.interpolation for k in keys}),
        })
    return out


def main(src: str, dst: str, fps: float) -> None:
    _import(src, fps)
    scene = bpy.context.scene
    report = {"fps": scene.render.fps / scene.render.fps_base, "objects": {}, "curves": [], "frames": []}
    for ob in bpy.data.objects:
        keys = ob.data.shape_keys if ob.type == "MESH" else None
        report["objects"][ob.name] = {
            "type": ob.type,
            "parent": ob.parent.name if ob.parent else "",
            "shape_keys": [kb.name for kb in keys.key_blocks] if keys else [],
            "custom_props": [k for k in ob.keys() if not k.startswith("_")],
            "rotation_mode": ob.rotation_mode,
        }
        report["curves"] += _curves_of(ob.name, ob.animation_data)
        if keys is not None:
            report["curves"] += _curves_of(ob.name + ":shape_keys", keys.animation_data)
    frames = [f for c in report["curves"] for f in c["frames"]]
    if frames:
        first, last = math.floor(min(frames) + 1e-6), math.ceil(max(frames) - 1e-6)
        for f in range(first, last + 1):
            scene.frame_set(f)
            row = {"frame": f, "shape_keys": {}, "props": {}, "matrix_world": {}}
            for ob in bpy.data.objects:
                row["matrix_world"][ob.name] = [list(r) for r in ob.matrix_world]
                if ob.type == "MESH" and ob.data.shape_keys:
                    row["shape_keys"][ob.name] = {kb.name: kb.value for kb in ob.data.shape_keys.key_blocks}
                props = {k: float(ob[k]) for k in ob.keys() if isinstance(ob[k], (int, float))}
                if props:
                    row["props"][ob.name] = props
            report["frames"].append(row)
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(report, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]))
