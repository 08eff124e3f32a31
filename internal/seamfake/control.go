package seamfake

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// Action attempt statuses accepted by UpdateActionAttempt.
const (
	ActionAttemptPending = "pending"
	ActionAttemptSuccess = "success"
	ActionAttemptError   = "error"
)

// maxControlBody bounds how much of a control response is read.
const maxControlBody = 1 << 20

// SimulateOutage makes the given routes (paths such as "/devices/list") of
// workspaceID answer 503 with an empty body, for every HTTP method, until
// called again; an empty routes list ends the outage.
func (s *Server) SimulateOutage(ctx context.Context, workspaceID string, routes []string) error {
	if routes == nil {
		routes = []string{} // the fake requires an array, not null
	}
	body := map[string]any{"workspace_id": workspaceID, "routes": routes}
	return s.control(ctx, http.MethodPost, "/_fake/simulate_workspace_outage", body, nil)
}

// UpdateActionAttempt sets the status of an action attempt: "pending",
// "success" (with result {}, as the real API answers) or "error" (with
// errType and errMsg, which are ignored otherwise). Note that the fake already
// stores lock/unlock attempts as "success" although the call itself answers
// "pending"; set "pending" first to exercise polling.
func (s *Server) UpdateActionAttempt(ctx context.Context, id, status, errType, errMsg string) error {
	body := map[string]any{"action_attempt_id": id, "status": status}
	switch status {
	case ActionAttemptPending:
	case ActionAttemptSuccess:
		body["result"] = map[string]any{}
	case ActionAttemptError:
		body["error"] = map[string]string{"type": errType, "message": errMsg}
	default:
		return fmt.Errorf("seamfake: unknown action attempt status %q", status)
	}
	return s.control(ctx, http.MethodPost, "/_fake/update_action_attempt", body, nil)
}

// DefaultSeed returns the fake's GET /_fake/default_seed: seed names to ids
// and tokens (the "ok" flag is dropped).
func (s *Server) DefaultSeed(ctx context.Context) (map[string]string, error) {
	var raw map[string]any
	if err := s.control(ctx, http.MethodGet, "/_fake/default_seed", nil, &raw); err != nil {
		return nil, err
	}
	seed := make(map[string]string, len(raw))
	for k, v := range raw {
		if str, ok := v.(string); ok {
			seed[k] = str
		}
	}
	return seed, nil
}

// control calls one of the fake's /_fake endpoints (they need no auth).
func (s *Server) control(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		data, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("seamfake: encode %s body: %w", path, err)
		}
		body = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, s.Endpoint+path, body)
	if err != nil {
		return fmt.Errorf("seamfake: build %s request: %w", path, err)
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return fmt.Errorf("seamfake: %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxControlBody))
	if err != nil {
		return fmt.Errorf("seamfake: read %s response: %w", path, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("seamfake: %s %s: status %d: %s", method, path, resp.StatusCode, describeError(data))
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			return fmt.Errorf("seamfake: decode %s response: %w", path, err)
		}
	}
	return nil
}

// describeError extracts type and message from a Seam error body.
func describeError(body []byte) string {
	var e struct {
		Error struct {
			Type    string `json:"type"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &e) == nil && e.Error.Type != "" {
		return e.Error.Type + ": " + e.Error.Message
	}
	return tail(body, 512)
}
