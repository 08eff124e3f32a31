package normalize

import "os"

// EnvIncludeUndocumented names the environment variable that, set to
// "true", makes the scripts keep the operations marked x-undocumented: it
// is the default of their -undocumented flag.
const EnvIncludeUndocumented = "SEAM_INCLUDE_UNDOCUMENTED"

// IncludeUndocumentedFromEnv reports whether EnvIncludeUndocumented is set
// to "true".
func IncludeUndocumentedFromEnv() bool {
	return os.Getenv(EnvIncludeUndocumented) == "true"
}
