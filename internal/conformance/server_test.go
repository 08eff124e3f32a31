package conformance

import (
	"testing"

	"github.com/seamgo/seam-go/seam/seamtest"
)

// request is one request the recording server received.
type request = seamtest.Request

// recordingServer is the server both SDKs call: seamtest's Server, which
// answers every documented operation, for any method, with the spec-valid
// answer of seam/seamtest/answers.gen.json, and records every request.
type recordingServer struct{ srv *seamtest.Server }

// newServer starts the recording server both SDKs call, on 127.0.0.1.
func newServer(t *testing.T) recordingServer {
	t.Helper()
	return recordingServer{seamtest.NewServer(t)}
}

// URL is the server's base URL.
func (r recordingServer) URL() string { return r.srv.URL }

// Requests returns the requests received so far, oldest first.
func (r recordingServer) Requests() []request { return r.srv.Requests() }
