package seamfake

import "sync"

// logTailSize is how much of the fake's stderr is kept for error messages.
const logTailSize = 8 << 10

// tailWriter keeps the last max bytes written to it. It is safe for concurrent
// use.
type tailWriter struct {
	mu  sync.Mutex
	buf []byte
	max int
}

func newTailWriter(max int) *tailWriter {
	return &tailWriter{max: max}
}

// Write implements io.Writer; it never fails, so the fake never blocks on it.
func (w *tailWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	if len(w.buf) > w.max {
		w.buf = append(w.buf[:0], w.buf[len(w.buf)-w.max:]...)
	}
	return len(p), nil
}

// String returns the kept tail.
func (w *tailWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return string(w.buf)
}
