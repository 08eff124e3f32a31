package conformance

import "testing"

// newServer starts the recording server both SDKs call.
func newServer(t *testing.T, s spec) recordingServer {
	t.Helper()
	return newMinimalRecorder(t, s)
}
