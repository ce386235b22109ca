// Prints the Khronos glTF Validator's JSON report of a .glb or .gltf file.
// usage: node validate.mjs FILE
import { readFileSync } from 'node:fs';
import validator from 'gltf-validator';

const file = process.argv[2];
const report = await validator.validateBytes(new Uint8Array(readFileSync(file)), {
  maxIssues: 100,
  externalResourceFunction: (uri) => Promise.reject(new Error(`external resource ${uri} not allowed`)),
});
process.stdout.write(JSON.stringify(report));
