package seamfake

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/seamgo/seam-go/internal/reporoot"
)

const (
	// loopbackHost is the only address the fake may listen on.
	loopbackHost = "127.0.0.1"
	// healthPollInterval spaces the GET /health probes during start.
	healthPollInterval = 50 * time.Millisecond
	// healthRequestTimeout bounds one GET /health probe.
	healthRequestTimeout = 2 * time.Second
	// killWait bounds the wait for the process after killing it.
	killWait = 5 * time.Second
	// maxReadyLine bounds one line of the fake's stdout.
	maxReadyLine = 1 << 20
)

// Server is a running fake Seam Connect server.
type Server struct {
	// Endpoint is the base URL, http://127.0.0.1:PORT (no trailing slash).
	Endpoint string
	// APIKey is the seeded API key of workspace Seed.WorkspaceID.
	APIKey string
	// WorkspaceID is the seeded workspace that APIKey belongs to.
	WorkspaceID string
	// FakeVersion is the version of @seamapi/fake-seam-connect that runs.
	FakeVersion string
	// PID is the process id of the Node.js process.
	PID int
	// Seed holds the seeded ids.
	Seed Seed

	cmd    *exec.Cmd
	stdin  io.WriteCloser
	logs   *tailWriter
	client *http.Client

	done    chan struct{} // closed once the process has been reaped
	waitErr error         // set before done is closed

	closeOnce sync.Once
	closeErr  error
}

// Start launches the fake, seeded, on 127.0.0.1 and returns once it answers
// GET /health. It first checks for Node.js 20+ and npm (errors wrap
// ErrPrerequisites) and runs `npm ci` in internal/seamfake/npm when node_modules is
// missing or stale. ctx bounds only the start: the server runs until Close,
// or until this process exits.
func Start(ctx context.Context, opts ...Option) (*Server, error) {
	cfg := newConfig(opts)
	tl, fakeDir, _, err := install(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return launch(ctx, cfg, tl.node, fakeDir)
}

// Install checks for Node.js 20+ and npm and runs `npm ci` in internal/seamfake/npm
// when node_modules is missing or stale, as Start does before launching. It
// reports whether it ran npm ci; progress goes to os.Stderr.
func Install(ctx context.Context, opts ...Option) (ran bool, err error) {
	_, _, ran, err = install(ctx, newConfig(opts))
	return ran, err
}

// install finds the tools and the fake's directory and installs the fake.
func install(ctx context.Context, cfg config) (tl tools, fakeDir string, ran bool, err error) {
	tl, err = findTools(ctx)
	if err != nil {
		return tl, "", false, err
	}
	if cfg.userCache {
		if fakeDir, err = prepareCacheDir(); err != nil {
			return tl, "", false, err
		}
	} else {
		root, err := reporoot.FromWorkingDir()
		if err != nil {
			return tl, "", false, err
		}
		fakeDir = filepath.Join(root, filepath.FromSlash(fakeDirRel))
	}
	installCtx, cancel := context.WithTimeout(ctx, cfg.installTimeout)
	ran, err = ensureInstalled(installCtx, tl.npm, fakeDir, os.Stderr)
	cancel()
	return tl, fakeDir, ran, err
}

// launch starts node start.mjs and waits until the fake is ready and healthy.
func launch(ctx context.Context, cfg config, node, fakeDir string) (*Server, error) {
	args := []string{"start.mjs"}
	if cfg.port != 0 {
		args = append(args, "--port", strconv.Itoa(cfg.port))
	}
	cmd := exec.Command(node, args...)
	cmd.Dir = fakeDir
	cmd.Env = envWithout(os.Environ(), "PORT")
	cmd.WaitDelay = gracePeriod
	logs := newTailWriter(logTailSize)
	cmd.Stderr = logs
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("seamfake: stdin pipe: %w", err)
	}
	// An own pipe rather than StdoutPipe: Wait must not close it under the reader.
	stdoutR, stdoutW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("seamfake: stdout pipe: %w", err)
	}
	cmd.Stdout = stdoutW
	if err := cmd.Start(); err != nil {
		_ = stdoutR.Close()
		_ = stdoutW.Close()
		return nil, fmt.Errorf("seamfake: start node: %w", err)
	}
	_ = stdoutW.Close()

	s := &Server{
		PID:    cmd.Process.Pid,
		cmd:    cmd,
		stdin:  stdin,
		logs:   logs,
		client: &http.Client{Timeout: controlRequestTimeout},
		done:   make(chan struct{}),
	}
	go func() {
		s.waitErr = cmd.Wait()
		close(s.done)
	}()
	ready := make(chan readyResult, 1)
	go readStdout(stdoutR, logs, ready)

	deadline := time.Now().Add(startTimeout)
	startCtx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	if err := s.awaitReady(startCtx, ready); err != nil {
		_ = s.Close()
		return nil, fmt.Errorf("%w\nfake log tail:\n%s", err, tail([]byte(logs.String()), 2048))
	}
	return s, nil
}

// readyResult carries the parsed ready line or why there is none.
type readyResult struct {
	line readyLine
	err  error
}

// readStdout reports the first JSON line with an endpoint on ready, copying
// every other line to logs, and drains stdout until EOF.
func readStdout(r io.ReadCloser, logs io.Writer, ready chan<- readyResult) {
	defer r.Close()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxReadyLine)
	sent := false
	for sc.Scan() {
		text := sc.Bytes()
		if !sent && bytes.HasPrefix(bytes.TrimSpace(text), []byte("{")) {
			var line readyLine
			if err := json.Unmarshal(text, &line); err == nil && line.Endpoint != "" {
				ready <- readyResult{line: line}
				sent = true
				continue
			}
		}
		_, _ = logs.Write(append(append([]byte(nil), text...), '\n'))
	}
	if !sent {
		err := sc.Err()
		if err == nil {
			err = io.EOF
		}
		ready <- readyResult{err: fmt.Errorf("seamfake: fake closed stdout before reporting ready: %w", err)}
	}
}

// awaitReady waits for the ready line, validates it and polls GET /health.
func (s *Server) awaitReady(ctx context.Context, ready <-chan readyResult) error {
	var line readyLine
	select {
	case r := <-ready:
		if r.err != nil {
			return r.err
		}
		line = r.line
	case <-s.done:
		return fmt.Errorf("seamfake: fake exited before it was ready: %v", s.waitErr)
	case <-ctx.Done():
		return fmt.Errorf("seamfake: waiting for the fake's ready line: %w", ctx.Err())
	}
	if err := checkLoopback(line.Endpoint); err != nil {
		return err
	}
	s.Endpoint = strings.TrimRight(line.Endpoint, "/")
	s.APIKey = line.APIKey
	s.WorkspaceID = line.WorkspaceID
	s.FakeVersion = line.FakeVersion
	s.Seed = line.seed()
	if s.APIKey == "" || s.WorkspaceID == "" {
		return errors.New("seamfake: ready line lacks api_key or workspace_id")
	}
	return s.waitHealthy(ctx)
}

// checkLoopback refuses an endpoint that is not http://127.0.0.1:PORT.
func checkLoopback(endpoint string) error {
	u, err := url.Parse(endpoint)
	if err != nil {
		return fmt.Errorf("seamfake: bad endpoint %q: %w", endpoint, err)
	}
	host, port, err := net.SplitHostPort(u.Host)
	if err != nil || u.Scheme != "http" || host != loopbackHost || port == "" {
		return fmt.Errorf("seamfake: endpoint %q is not http://%s:PORT", endpoint, loopbackHost)
	}
	return nil
}

// waitHealthy polls GET /health until it answers 200, the process exits or
// ctx ends.
func (s *Server) waitHealthy(ctx context.Context) error {
	var last error
	for {
		reqCtx, cancel := context.WithTimeout(ctx, healthRequestTimeout)
		last = s.health(reqCtx)
		cancel()
		if last == nil {
			return nil
		}
		select {
		case <-s.done:
			return fmt.Errorf("seamfake: fake exited while waiting for /health: %v", s.waitErr)
		case <-ctx.Done():
			return fmt.Errorf("seamfake: waiting for /health (last error: %v): %w", last, ctx.Err())
		case <-time.After(healthPollInterval):
		}
	}
}

// health performs one GET /health.
func (s *Server) health(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.Endpoint+"/health", nil)
	if err != nil {
		return fmt.Errorf("seamfake: build /health request: %w", err)
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return fmt.Errorf("seamfake: GET /health: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("seamfake: GET /health: status %d", resp.StatusCode)
	}
	return nil
}

// Done is closed once the Node.js process has exited.
func (s *Server) Done() <-chan struct{} {
	return s.done
}

// Logs returns the tail of the fake's stderr.
func (s *Server) Logs() string {
	return s.logs.String()
}

// Close stops the fake: it closes its stdin (start.mjs then stops the server
// and exits), waits up to gracePeriod (5 s) and kills it if still running.
// It is safe to call more than once; later calls return the first result.
func (s *Server) Close() error {
	s.closeOnce.Do(func() { s.closeErr = s.stop() })
	return s.closeErr
}

func (s *Server) stop() error {
	_ = s.stdin.Close()
	select {
	case <-s.done:
		if s.waitErr != nil {
			return fmt.Errorf("seamfake: fake (pid %d) exited: %w", s.PID, s.waitErr)
		}
		return nil
	case <-time.After(gracePeriod):
	}
	_ = s.cmd.Process.Kill()
	select {
	case <-s.done:
		return fmt.Errorf("seamfake: fake (pid %d) ignored stdin EOF for %s and was killed", s.PID, gracePeriod)
	case <-time.After(killWait):
		return fmt.Errorf("seamfake: fake (pid %d) still running after kill", s.PID)
	}
}

// envWithout returns env without the variables named in drop.
func envWithout(env []string, drop ...string) []string {
	out := make([]string, 0, len(env))
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		keep := true
		for _, d := range drop {
			if name == d {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, kv)
		}
	}
	return out
}
