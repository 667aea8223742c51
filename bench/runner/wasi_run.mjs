// Runs a wasm32-wasi program under Node's WASI (preview1) for cloudabi-bench:
//   node wasi_run.mjs PROGRAM.wasm HOST_DIR [ARGS...]
// HOST_DIR is preopened as /dir; ARGS become the program's argv[1..].
import { readFile } from 'node:fs/promises';
import { argv } from 'node:process';
import { WASI } from 'node:wasi';

const [wasmPath, hostDir, ...args] = argv.slice(2);
const wasi = new WASI({
  version: 'preview1',
  args: [wasmPath, ...args],
  preopens: { '/dir': hostDir },
});
const module = await WebAssembly.compile(await readFile(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
