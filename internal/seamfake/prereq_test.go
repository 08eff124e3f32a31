package seamfake

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStartWithoutNodeReportsPrerequisites(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := Start(t.Context())
	require.ErrorIs(t, err, ErrPrerequisites)
	assert.Contains(t, err.Error(), "Node.js 20+ and npm")
	assert.Contains(t, err.Error(), "node not found")
}

// recordingTB records how StartT ends a test; Skip and Fatal stop the calling
// goroutine like the real ones.
type recordingTB struct {
	testing.TB
	ctx     context.Context
	mu      sync.Mutex
	skipped string
	fatal   string
}

func (r *recordingTB) Helper()                  {}
func (r *recordingTB) Context() context.Context { return r.ctx }
func (r *recordingTB) Cleanup(func())           {}
func (r *recordingTB) Skip(args ...any)         { r.end(&r.skipped, fmt.Sprint(args...)) }
func (r *recordingTB) Fatal(args ...any)        { r.end(&r.fatal, fmt.Sprint(args...)) }
func (r *recordingTB) Fatalf(f string, a ...any) {
	r.end(&r.fatal, fmt.Sprintf(f, a...))
}

func (r *recordingTB) end(field *string, msg string) {
	r.mu.Lock()
	*field = msg
	r.mu.Unlock()
	runtime.Goexit()
}

func runStartT(t *testing.T) *recordingTB {
	rec := &recordingTB{ctx: t.Context()}
	done := make(chan struct{})
	go func() {
		defer close(done)
		s := StartT(rec)
		if s != nil {
			_ = s.Close()
		}
	}()
	<-done
	return rec
}

func TestStartTSkipsWithoutNodeOutsideCI(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("CI", "")
	rec := runStartT(t)
	assert.Contains(t, rec.skipped, "Node.js 20+ and npm")
	assert.Empty(t, rec.fatal)
}

func TestStartTFailsWithoutNodeInCI(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("CI", "true")
	rec := runStartT(t)
	assert.Contains(t, rec.fatal, "Node.js 20+ and npm")
	assert.Empty(t, rec.skipped)
}
