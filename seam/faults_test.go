package seam

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fault matrix of docs/reliability.md: each subtest of TestFaultMatrix
// is one cell (phase/fault/method), against a server on 127.0.0.1 that
// misbehaves on purpose.

const faultPath = "/devices/list"

// okBody is what a server answers once it stops misbehaving.
const okBody = `{"devices":[],"ok":true}`

// requireTransportError checks that err is a *TransportError for method and
// faultPath in phase after attempts attempts, and returns it.
func requireTransportError(t *testing.T, err error, method, phase string, attempts int) *TransportError {
	t.Helper()
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, method, te.Method)
	assert.Equal(t, faultPath, te.Path)
	assert.Equal(t, phase, te.Phase)
	assert.Equal(t, attempts, te.Attempts)
	assert.Contains(t, err.Error(), method+" "+faultPath)
	assertNoSecret(t, err.Error())
	return te
}

// hijack takes the raw connection of a request, after reading its body.
func hijack(w http.ResponseWriter, r *http.Request) net.Conn {
	_, _ = io.Copy(io.Discard, r.Body)
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	return conn
}

// reset closes conn with a TCP RST.
func reset(conn net.Conn) {
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}

// firstThenOK runs misbehave for the first request, then answers okBody.
func firstThenOK(hits *counter, misbehave http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if hits.inc() == 1 {
			misbehave(w, r)
			return
		}
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(okBody))
	}
}

// truncatedBody announces 100 bytes of body, sends 10 and closes.
func truncatedBody(w http.ResponseWriter, r *http.Request) {
	conn := hijack(w, r)
	_, _ = io.WriteString(conn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"devices\"")
	_ = conn.Close()
}

// resetMidBody sends part of a chunked body, then resets the connection.
func resetMidBody(w http.ResponseWriter, r *http.Request) {
	conn := hijack(w, r)
	_, _ = io.WriteString(conn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\na\r\n{\"devices\"\r\n")
	time.Sleep(20 * time.Millisecond)
	reset(conn)
}

// stalledBody sends part of the body, then stalls until the client leaves.
func stalledBody(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"devices":[`))
	w.(http.Flusher).Flush()
	select {
	case <-r.Context().Done():
	case <-time.After(5 * time.Second):
	}
}

// refusedURL returns the URL of a port on 127.0.0.1 where nothing listens.
func refusedURL(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	return "http://" + addr
}

func faultBody(method string) io.Reader {
	if method == http.MethodPost {
		return strings.NewReader(`{"device_id":"d"}`)
	}
	return nil
}

// cancelledMidCall is the ctx_cancelled cell of a phase: for each method,
// the caller cancels its context 100 ms into a call that the server (made by
// stall, counting requests in hits) holds up in that phase. The call ends
// in phase after one attempt, with context.Canceled and not as a timeout.
func cancelledMidCall(t *testing.T, methods []string, phase string, stall func(hits *counter) http.HandlerFunc) {
	for _, m := range methods {
		t.Run(m, func(t *testing.T) {
			var hits counter
			srv := newTestServer(t, stall(&hits))
			c := newTestClient(t, srv.URL)
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(100*time.Millisecond, cancel)
			_, err := do(t, c, ctx, m, faultPath, faultBody(m))
			te := requireTransportError(t, err, m, phase, 1)
			assert.ErrorIs(t, err, context.Canceled)
			assert.False(t, te.Timeout())
			assert.Equal(t, int64(1), hits.get())
		})
	}
}

func TestFaultMatrix(t *testing.T) {
	methods := []string{http.MethodGet, http.MethodPost}
	idempotent := func(m string) bool { return m == http.MethodGet }
	// attemptsAfterAnAnswer is how many attempts a request with method m
	// gets for a fault once the connection is open (the server may have
	// acted): all of them when m is idempotent, one for a POST.
	attemptsAfterAnAnswer := func(m string) int {
		if idempotent(m) {
			return 1 + DefaultMaxRetries
		}
		return 1
	}

	t.Run("before_connect/refused", func(t *testing.T) {
		for _, m := range methods {
			t.Run(m, func(t *testing.T) {
				c := newTestClient(t, refusedURL(t))
				_, err := do(t, c, context.Background(), m, faultPath, faultBody(m))
				// Never sent: retried whatever the method.
				te := requireTransportError(t, err, m, PhaseSend, 1+DefaultMaxRetries)
				assert.True(t, isDialError(te.Err))
			})
		}
	})

	t.Run("before_connect/bad_tls", func(t *testing.T) {
		for _, m := range methods {
			t.Run(m, func(t *testing.T) {
				var hits counter
				srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.inc() }))
				t.Cleanup(srv.Close)
				require.True(t, strings.HasPrefix(srv.URL, "https://127.0.0.1:"))
				c := newTestClient(t, srv.URL)
				_, err := do(t, c, context.Background(), m, faultPath, faultBody(m))
				want := attemptsAfterAnAnswer(m)
				requireTransportError(t, err, m, PhaseSend, want)
				assert.Contains(t, err.Error(), "certificate")
				assert.Equal(t, int64(0), hits.get(), "no request got through the handshake")
			})
		}
	})

	t.Run("before_connect/ctx_cancelled", func(t *testing.T) {
		for _, m := range methods {
			t.Run(m, func(t *testing.T) {
				var hits counter
				srv := newTestServer(t, failFirst(&hits, 0, 0, nil))
				c := newTestClient(t, srv.URL)
				ctx, cancel := context.WithCancel(context.Background())
				cancel()
				_, err := do(t, c, ctx, m, faultPath, faultBody(m))
				requireTransportError(t, err, m, PhaseSend, 1)
				assert.ErrorIs(t, err, context.Canceled)
				assert.Equal(t, int64(0), hits.get())
			})
		}
	})

	t.Run("headers/5xx", func(t *testing.T) {
		for _, m := range methods {
			t.Run(m, func(t *testing.T) {
				var hits counter
				srv := newTestServer(t, failFirst(&hits, 100, http.StatusBadGateway, nil))
				c := newTestClient(t, srv.URL)
				_, err := do(t, c, context.Background(), m, faultPath, faultBody(m))
				var apiErr *APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, m, apiErr.Method)
				assert.Equal(t, faultPath, apiErr.Path)
				assert.ErrorIs(t, err, ErrServer)
				want := int64(attemptsAfterAnAnswer(m))
				assert.Equal(t, want, hits.get())
			})
		}
	})

	t.Run("headers/429_without_retry_after", func(t *testing.T) {
		for _, m := range methods {
			t.Run(m, func(t *testing.T) {
				var hits counter
				srv := newTestServer(t, failFirst(&hits, 2, http.StatusTooManyRequests, nil))
				c := newTestClient(t, srv.URL)
				res, err := do(t, c, context.Background(), m, faultPath, faultBody(m))
				require.NoError(t, err)
				assert.Equal(t, `{"ok":true}`, readBody(t, res))
				assert.Equal(t, int64(3), hits.get(), "429 is retried for every method")
			})
		}
	})

	t.Run("headers/429_with_retry_after", func(t *testing.T) {
		for _, m := range methods {
			t.Run(m, func(t *testing.T) {
				var hits counter
				srv := newTestServer(t, failFirst(&hits, 1, http.StatusTooManyRequests, http.Header{"Retry-After": {"1"}}))
				c := newTestClient(t, srv.URL)
				start := time.Now()
				res, err := do(t, c, context.Background(), m, faultPath, faultBody(m))
				require.NoError(t, err)
				_ = readBody(t, res)
				assert.GreaterOrEqual(t, time.Since(start), time.Second)
				assert.Equal(t, int64(2), hits.get())
			})
		}
	})

	t.Run("headers/reset", func(t *testing.T) {
		for _, m := range methods {
			t.Run(m, func(t *testing.T) {
				var hits counter
				srv := newTestServer(t, resetConnection(&hits))
				c := newTestClient(t, srv.URL)
				_, err := do(t, c, context.Background(), m, faultPath, faultBody(m))
				want := attemptsAfterAnAnswer(m)
				requireTransportError(t, err, m, PhaseSend, want)
				assert.Equal(t, int64(want), hits.get())
			})
		}
	})

	t.Run("headers/stalled", func(t *testing.T) {
		for _, m := range methods {
			t.Run(m, func(t *testing.T) {
				var hits counter
				srv := newTestServer(t, blockUntilGone(&hits))
				c := newTestClient(t, srv.URL, WithTimeout(100*time.Millisecond))
				_, err := do(t, c, context.Background(), m, faultPath, faultBody(m))
				want := attemptsAfterAnAnswer(m)
				te := requireTransportError(t, err, m, PhaseSend, want)
				assert.True(t, te.Timeout())
				assert.ErrorIs(t, err, ErrAttemptTimeout)
				assert.NotErrorIs(t, err, context.DeadlineExceeded)
				assert.Equal(t, int64(want), hits.get())
			})
		}
	})

	t.Run("headers/ctx_cancelled", func(t *testing.T) {
		cancelledMidCall(t, methods, PhaseSend, blockUntilGone)
	})

	t.Run("headers/ctx_deadline", func(t *testing.T) {
		for _, m := range methods {
			t.Run(m, func(t *testing.T) {
				var hits counter
				srv := newTestServer(t, blockUntilGone(&hits))
				c := newTestClient(t, srv.URL)
				ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
				defer cancel()
				_, err := do(t, c, ctx, m, faultPath, faultBody(m))
				requireTransportError(t, err, m, PhaseSend, 1)
				assert.ErrorIs(t, err, context.DeadlineExceeded, "the caller's own deadline")
				assert.NotErrorIs(t, err, ErrAttemptTimeout)
				assert.Equal(t, int64(1), hits.get())
			})
		}
	})

	// A 2xx body that fails: an idempotent request is sent again (and here
	// succeeds), a POST is not.
	bodyFaults := []struct {
		name      string
		misbehave http.HandlerFunc
		opts      []Option
		check     func(t *testing.T, err error, te *TransportError)
	}{
		{"truncated", truncatedBody, nil, func(t *testing.T, err error, te *TransportError) {
			assert.Contains(t, err.Error(), "body cut short")
		}},
		{"reset", resetMidBody, nil, nil},
		{"stalled", stalledBody, []Option{WithTimeout(time.Second)}, func(t *testing.T, err error, te *TransportError) {
			assert.True(t, te.Timeout())
			assert.ErrorIs(t, err, ErrAttemptTimeout)
			assert.NotErrorIs(t, err, context.DeadlineExceeded)
		}},
	}
	for _, f := range bodyFaults {
		t.Run("body/"+f.name, func(t *testing.T) {
			for _, m := range methods {
				t.Run(m, func(t *testing.T) {
					var hits counter
					srv := newTestServer(t, firstThenOK(&hits, f.misbehave))
					c := newTestClient(t, srv.URL, f.opts...)
					res, err := do(t, c, context.Background(), m, faultPath, faultBody(m))
					if idempotent(m) {
						require.NoError(t, err)
						assert.Equal(t, okBody, readBody(t, res))
						assert.Equal(t, int64(2), hits.get(), "sent again after the failed body")
						return
					}
					te := requireTransportError(t, err, m, PhaseBody, 1)
					if f.check != nil {
						f.check(t, err, te)
					}
					assert.Equal(t, int64(1), hits.get(), "a POST is never replayed")
				})
			}
		})
	}

	t.Run("body/oversized", func(t *testing.T) {
		for _, chunked := range []bool{false, true} {
			for _, m := range methods {
				t.Run(fmt.Sprintf("%s/chunked=%t", m, chunked), func(t *testing.T) {
					var hits counter
					srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
						hits.inc()
						body := `{"devices":[` + strings.Repeat(`"x",`, 600) + `"x"]}`
						if !chunked {
							w.Header().Set("Content-Length", fmt.Sprint(len(body)))
						}
						_, _ = io.WriteString(w, body)
					})
					c := newTestClient(t, srv.URL, WithMaxResponseBytes(1024))
					_, err := do(t, c, context.Background(), m, faultPath, faultBody(m))
					requireTransportError(t, err, m, PhaseBody, 1)
					assert.ErrorIs(t, err, ErrResponseTooLarge)
					assert.Contains(t, err.Error(), "WithMaxResponseBytes")
					assert.Equal(t, int64(1), hits.get(), "the same answer would come again")
				})
			}
		}
	})

	t.Run("body/ctx_cancelled", func(t *testing.T) {
		cancelledMidCall(t, methods, PhaseBody, func(hits *counter) http.HandlerFunc {
			return func(w http.ResponseWriter, r *http.Request) {
				hits.inc()
				stalledBody(w, r)
			}
		})
	})

	t.Run("after_body/ctx_cancelled", func(t *testing.T) {
		for _, m := range methods {
			t.Run(m, func(t *testing.T) {
				// The body comes in two parts, 50 ms apart: a body left
				// unread when the call returns would fail once ctx ends.
				srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
					_, _ = io.Copy(io.Discard, r.Body)
					_, _ = io.WriteString(w, `{"devices":[`)
					w.(http.Flusher).Flush()
					time.Sleep(50 * time.Millisecond)
					_, _ = io.WriteString(w, `],"ok":true}`)
				})
				c := newTestClient(t, srv.URL)
				ctx, cancel := context.WithCancel(context.Background())
				res, err := do(t, c, ctx, m, faultPath, faultBody(m))
				require.NoError(t, err)
				cancel()
				time.Sleep(10 * time.Millisecond)
				assert.Equal(t, okBody, readBody(t, res), "the body was read within the attempt")
			})
		}
	})
}
