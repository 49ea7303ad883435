globalThis.__BUILD_MANIFEST = {
  "pages": {
    "/_app": []
  },
  "devFiles": [],
  "polyfillFiles": [
    "static/chunks/0cz1d0mv5g_q7.js"
  ],
  "lowPriorityFiles": [
    "static/SZ9IYIgbEGHsAYy8q3Rl9/_buildManifest.js",
    "static/SZ9IYIgbEGHsAYy8q3Rl9/_ssgManifest.js",
    "static/SZ9IYIgbEGHsAYy8q3Rl9/_clientMiddlewareManifest.js"
  ],
  "rootMainFiles": [
    "static/chunks/2gz13h7qhwnct.js",
    "static/chunks/174ie50dvitkx.js",
    "static/chunks/0e07lud3j_9v6.js",
    "static/chunks/turbopack-077hmtqrhcoji.js"
  ],
  "rootMainFilesTree": {},
  "pagesChunkGroupBootstrapParams": {
    "/page": {
      "otherChunks": [
        "static/chunks/2gz13h7qhwnct.js",
        "static/chunks/174ie50dvitkx.js",
        "static/chunks/0e07lud3j_9v6.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    },
    "/_not-found/page": {
      "otherChunks": [
        "static/chunks/2gz13h7qhwnct.js",
        "static/chunks/174ie50dvitkx.js",
        "static/chunks/0e07lud3j_9v6.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    },
    "/_global-error/page": {
      "otherChunks": [
        "static/chunks/2gz13h7qhwnct.js",
        "static/chunks/174ie50dvitkx.js",
        "static/chunks/0e07lud3j_9v6.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    },
    "/dev/panels/page": {
      "otherChunks": [
        "static/chunks/2gz13h7qhwnct.js",
        "static/chunks/174ie50dvitkx.js",
        "static/chunks/0e07lud3j_9v6.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    }
  },
  "chunkLoadingGlobal": "TURBOPACK"
};
