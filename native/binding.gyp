{
  "targets": [
    {
      "target_name": "frontier_kernels",
      "sources": ["src/addon.c", "src/gram.c", "src/cholesky.c"],
      "cflags": ["-O3", "-std=gnu11", "-fno-math-errno", "-Wall", "-Wextra"],
      "xcode_settings": { "OTHER_CFLAGS": ["-O3", "-std=gnu11"] },
      "msvs_settings": { "VCCLCompilerTool": { "Optimization": 2 } }
    }
  ]
}
