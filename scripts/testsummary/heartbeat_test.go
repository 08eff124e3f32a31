package main

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHeartbeatDuringSilence feeds one finished package, then nothing for a
// while, then the end: a progress line appears in the silence, and the
// summary is the same as without heartbeat.
func TestHeartbeatDuringSilence(t *testing.T) {
	pr, pw := io.Pipe()
	var out bytes.Buffer
	s := newSummary(&out, false)
	done := make(chan error, 1)
	go func() { done <- s.readWithHeartbeat(pr, 20*time.Millisecond) }()

	events := `{"Action":"run","Package":"example.com/a","Test":"TestA"}
{"Action":"pass","Package":"example.com/a","Test":"TestA"}
{"Action":"output","Package":"example.com/a","Output":"ok  \texample.com/a\t0.01s\n"}
{"Action":"pass","Package":"example.com/a"}
`
	_, err := io.WriteString(pw, events)
	require.NoError(t, err)
	time.Sleep(150 * time.Millisecond)
	require.NoError(t, pw.Close())
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("readWithHeartbeat did not return after the input ended")
	}
	assert.True(t, s.finish())

	got := out.String()
	assert.Contains(t, got, "ok  \texample.com/a")
	assert.Contains(t, got, "still running after")
	assert.Contains(t, got, "1 packages finished, 1 tests passed so far")
	assert.Equal(t, "test summary: 1 passed, 0 failed, 0 skipped", lastLine(got))
	assert.Less(t, strings.Index(got, "ok  \texample.com/a"), strings.Index(got, "still running"), "the heartbeat follows the finished package")
}
