// Reads an .fbx (FBXLoader) or .glb/.gltf (GLTFLoader) with three.js, plays its first animation clip
// with an AnimationMixer and prints, as JSON, the morph influences (by target name) of every mesh and
// the quaternion (x, y, z, w) of every named node at each of the given times (seconds).
// usage: node three_read.mjs FILE '[t0, t1, ...]'
import { readFileSync } from 'node:fs';
import * as THREE from 'three';
import { FBXLoader } from 'three/addons/loaders/FBXLoader.js';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';

const [file, timesJson] = process.argv.slice(2);
const times = JSON.parse(timesJson);
const bytes = readFileSync(file);
const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);

async function load() {
  if (/\.fbx$/i.test(file)) {
    const root = new FBXLoader().parse(buffer, '');
    return { root, clips: root.animations };
  }
  const gltf = await new Promise((resolve, reject) => new GLTFLoader().parse(buffer, '', resolve, reject));
  return { root: gltf.scene, clips: gltf.animations };
}

const { root, clips } = await load();
const out = { clips: clips.map((c) => ({ name: c.name, duration: c.duration, tracks: c.tracks.length })),
              weights: {}, rotations: {} };
const meshes = [];
root.traverse((o) => { if (o.morphTargetDictionary && o.morphTargetInfluences) meshes.push(o); });
const nodes = [];
root.traverse((o) => { if (o.name && !o.isMesh || (o.isMesh && o.children.length)) nodes.push(o); });
root.traverse((o) => { if (o.isMesh && !nodes.includes(o) && o.name) nodes.push(o); });
const mixer = new THREE.AnimationMixer(root);
if (clips.length) {
  // Played once and held at its end, so that a time equal to the clip's duration reads the last key.
  const action = mixer.clipAction(clips[0]);
  action.setLoop(THREE.LoopOnce);
  action.clampWhenFinished = true;
  action.play();
}
for (const m of meshes) for (const name of Object.keys(m.morphTargetDictionary)) out.weights[name] = [];
for (const n of nodes) out.rotations[n.name] = [];
for (const t of times) {
  mixer.setTime(t);
  for (const m of meshes) {
    for (const [name, i] of Object.entries(m.morphTargetDictionary)) out.weights[name].push(m.morphTargetInfluences[i]);
  }
  for (const n of nodes) out.rotations[n.name].push([n.quaternion.x, n.quaternion.y, n.quaternion.z, n.quaternion.w]);
}
process.stdout.write(JSON.stringify(out));
