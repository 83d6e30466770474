#!/usr/bin/env bash
# Builds the worker once with ONNX Runtime's GPU flavour (-p:OnnxRuntimeFlavour=Gpu) into artifacts/gpu-worker, its own
# obj and bin, so that the ~330 MB of CUDA native files reach no other output folder and the CPU build's restore is left
# alone; then runs `Platform.Workers.dll --check-onnxruntime` and checks that it loaded the GPU build and ran on CUDA or,
# where CUDA cannot load (no GPU, no CUDA 13), fell back to the CPU and said why. Exit 0 when it did. Run by scripts/test.sh.
set -uo pipefail
cd "$(dirname "$0")/.."
out=artifacts/gpu-worker
started=$SECONDS
# Analyzers ran in the main build over the same sources; this build only proves the packaging.
if ! dotnet build src/Workers -p:OnnxRuntimeFlavour=Gpu -p:RunAnalyzers=false --artifacts-path "$out" -nologo -clp:ErrorsOnly; then
  echo "the GPU flavour of the worker does not build"
  exit 1
fi
built=$SECONDS
line=$(dotnet "$out/bin/Platform.Workers/debug/Platform.Workers.dll" --check-onnxruntime 2>"$out/check.stderr")
code=$?
echo "$line"
echo "(build $((built - started)) s, check $((SECONDS - built)) s; ONNX Runtime's own log: $out/check.stderr)"
problems=()
[ "$code" -eq 0 ] || problems+=("exit code $code")
[[ $line == *'"flavour":"Gpu"'* ]] || problems+=("not the GPU build")
[[ $line == *'"CUDAExecutionProvider"'* ]] || problems+=("no CUDAExecutionProvider in this build")
[[ $line == *'"output":[2,3,4]'* ]] || problems+=("the check model gave a wrong answer")
if [[ $line == *'"used":"CPU"'* ]]; then
  # The GPU build's fallback: ONNX Runtime's exception, with the loader's own reason (e.g. a missing libcublasLt.so.13).
  [[ $line == *'"fallbackReason":"CUDA is not available (OnnxRuntimeException'* ]] || problems+=("fell back to the CPU without the GPU build's reason")
elif [[ $line != *'"used":"CUDA"'* ]]; then
  problems+=("neither CUDA nor CPU used")
fi
if [ ${#problems[@]} -gt 0 ]; then
  printf 'GPU flavour check: %s\n' "${problems[@]}"
  exit 1
fi
echo "GPU flavour check passed"
