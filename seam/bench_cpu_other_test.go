//go:build !unix

package seam_test

import "time"

// processCPU is not measured on this system: BenchmarkCall reports no
// cpu-ns/op.
func processCPU() time.Duration { return 0 }
