//go:build linux

package seamfake

import (
	"bufio"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tcpListenState is the st column of /proc/net/tcp for LISTEN.
const tcpListenState = "0A"

// listeners returns the local addresses (hex, as in /proc/net/tcp{,6}) that
// listen on port.
func listeners(t *testing.T, port int) []string {
	t.Helper()
	suffix := fmt.Sprintf(":%04X", port)
	var found []string
	for _, file := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		f, err := os.Open(file)
		if os.IsNotExist(err) {
			continue
		}
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) < 4 || fields[3] != tcpListenState {
				continue
			}
			if strings.HasSuffix(fields[1], suffix) {
				found = append(found, fields[1])
			}
		}
		require.NoError(t, sc.Err())
		require.NoError(t, f.Close())
	}
	return found
}

func endpointPort(t *testing.T, endpoint string) int {
	t.Helper()
	u, err := url.Parse(endpoint)
	require.NoError(t, err)
	port, err := strconv.Atoi(u.Port())
	require.NoError(t, err)
	return port
}

func TestListensOnLoopbackOnly(t *testing.T) {
	s := StartT(t)
	port := endpointPort(t, s.Endpoint)
	// 0100007F is 127.0.0.1 in /proc/net/tcp's little-endian hex.
	assert.Equal(t, []string{fmt.Sprintf("0100007F:%04X", port)}, listeners(t, port))
}

func TestCloseLeavesNoProcess(t *testing.T) {
	requireTools(t)
	s, err := Start(t.Context())
	require.NoError(t, err)
	port := endpointPort(t, s.Endpoint)
	_, err = os.Stat(fmt.Sprintf("/proc/%d", s.PID))
	require.NoError(t, err, "process runs before Close")

	require.NoError(t, s.Close())
	_, err = os.Stat(fmt.Sprintf("/proc/%d", s.PID))
	assert.True(t, os.IsNotExist(err), "process %d still exists", s.PID)
	assert.ErrorIs(t, syscall.Kill(s.PID, 0), syscall.ESRCH)
	assert.Empty(t, listeners(t, port))
}

func TestSIGTERMStopsFake(t *testing.T) {
	requireTools(t)
	s, err := Start(t.Context())
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })

	require.NoError(t, syscall.Kill(s.PID, syscall.SIGTERM))
	select {
	case <-s.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("fake did not exit on SIGTERM")
	}
	assert.NoError(t, s.Close(), "exit status 0 after SIGTERM")
}
