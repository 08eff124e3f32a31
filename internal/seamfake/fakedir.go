package seamfake

// fakeDirRel is where the fake's package.json and start script live, relative
// to the repository root.
const fakeDirRel = "internal/seamfake/npm"
