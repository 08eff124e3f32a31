package seamtest

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Answer is how the Server answers an operation, set with Server.Handle or
// WithAnswer. Build one with JSON, Error, Status, RateLimited, Func,
// Sequence or the ActionAttempt… constructors.
type Answer interface {
	serve(s *Server, w http.ResponseWriter, req Request)
}

type answerFunc func(s *Server, w http.ResponseWriter, req Request)

func (f answerFunc) serve(s *Server, w http.ResponseWriter, req Request) { f(s, w, req) }

// JSON answers with status and body encoded as JSON (a map, a struct, a
// json.RawMessage…).
func JSON(status int, body any) Answer {
	return answerFunc(func(_ *Server, w http.ResponseWriter, _ Request) { writeJSON(w, status, body) })
}

// Error answers with status and a Seam error body
// {"error":{"type":typ,"message":message},"ok":false}; like every answer
// it carries a seam-request-id header.
func Error(status int, typ, message string) Answer {
	return JSON(status, errorBody(typ, message))
}

// ValidationError answers 400 invalid_input with validation_errors naming
// param, as the API does for a bad parameter.
func ValidationError(param, message string) Answer {
	body := errorBody("invalid_input", message)
	body["error"].(map[string]any)["validation_errors"] = map[string]any{
		"_errors": []any{}, param: map[string]any{"_errors": []any{message}},
	}
	return JSON(http.StatusBadRequest, body)
}

// Status answers with status and an empty body (a 503 of an outage, a 502
// of a proxy).
func Status(status int) Answer {
	return answerFunc(func(_ *Server, w http.ResponseWriter, _ Request) { w.WriteHeader(status) })
}

// RateLimited answers 429 with a Retry-After header of retryAfter, in whole
// seconds rounded up (0 gives "Retry-After: 0": the client retries at once),
// and a Seam error body of type rate_limit_exceeded.
func RateLimited(retryAfter time.Duration) Answer {
	secs := int(math.Ceil(retryAfter.Seconds()))
	return answerFunc(func(_ *Server, w http.ResponseWriter, _ Request) {
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		writeJSON(w, http.StatusTooManyRequests, errorBody("rate_limit_exceeded", "Too many requests"))
	})
}

// Func answers with what f returns for the request: a status and a body
// encoded as JSON (nil: no body).
func Func(f func(req Request) (status int, body any)) Answer {
	return answerFunc(func(_ *Server, w http.ResponseWriter, req Request) {
		status, body := f(req)
		if body == nil {
			w.WriteHeader(status)
			return
		}
		writeJSON(w, status, body)
	})
}

// Canned answers with the canned (spec-derived) answer of the path, as if
// the path had no handler: useful at the end of a Sequence.
func Canned() Answer {
	return answerFunc(func(s *Server, w http.ResponseWriter, req Request) {
		a, ok := s.answers[req.Path]
		if !ok {
			writeJSON(w, http.StatusNotFound, errorBody("not_found", "seamtest: no canned answer for "+req.Path))
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(a.Body)
	})
}

// Sequence answers the first request with answers[0], the second with
// answers[1], and every request after the last with the last one: for
// example Sequence(Status(503), Canned()) fails once, then succeeds.
func Sequence(answers ...Answer) Answer {
	if len(answers) == 0 {
		panic("seamtest.Sequence: no answers")
	}
	var mu sync.Mutex
	n := 0
	return answerFunc(func(s *Server, w http.ResponseWriter, req Request) {
		mu.Lock()
		a := answers[min(n, len(answers)-1)]
		n++
		mu.Unlock()
		a.serve(s, w, req)
	})
}

// attemptState is an action attempt the Server handed out, advanced by the
// polls of /action_attempts/get.
type attemptState struct {
	id, actionType string
	final          string // "pending", "success" or "error"
	after          int    // polls answered pending before final
	polls          int
	errType, msg   string
}

func (a *attemptState) object() map[string]any {
	status := "pending"
	if a.final != "pending" && a.polls > a.after {
		status = a.final
	}
	o := map[string]any{"action_attempt_id": a.id, "action_type": a.actionType, "status": status, "result": nil, "error": nil}
	switch status {
	case "success":
		o["result"] = map[string]any{}
	case "error":
		o["error"] = map[string]any{"type": a.errType, "message": a.msg}
	}
	return o
}

// ActionAttemptPending answers the operation (e.g. "/locks/unlock_door")
// with its canned answer holding a new pending action attempt that stays
// pending: a waiting client ends with *seam.ActionAttemptTimeoutError.
func ActionAttemptPending() Answer { return actionAttempt("pending", 0, "", "") }

// ActionAttemptSucceedsAfter answers the operation with a new pending
// action attempt that /action_attempts/get reports pending polls times,
// then success.
func ActionAttemptSucceedsAfter(polls int) Answer { return actionAttempt("success", polls, "", "") }

// ActionAttemptFailsAfter answers the operation with a new pending action
// attempt that /action_attempts/get reports pending polls times, then
// failed with the error errType and message: a waiting client ends with
// *seam.ActionAttemptFailedError.
func ActionAttemptFailsAfter(polls int, errType, message string) Answer {
	return actionAttempt("error", polls, errType, message)
}

func actionAttempt(final string, after int, errType, msg string) Answer {
	return answerFunc(func(s *Server, w http.ResponseWriter, req Request) {
		body := s.Canned(req.Path)
		if body == nil {
			body = map[string]any{"ok": true}
		}
		actionType := s.answers[req.Path].ActionAttemptType
		if actionType == "" {
			actionType = "UNKNOWN"
		}
		s.mu.Lock()
		s.nextID++
		st := &attemptState{id: fmt.Sprintf("seamtest_action_attempt_%d", s.nextID), actionType: actionType,
			final: final, after: after, errType: errType, msg: msg}
		s.attempts[st.id] = st
		obj := st.object()
		obj["status"], obj["result"], obj["error"] = "pending", nil, nil
		s.mu.Unlock()
		body["action_attempt"] = obj
		writeJSON(w, http.StatusOK, body)
	})
}

// serveAttempt answers /action_attempts/get for an attempt the server
// handed out; it reports false for any other id (the canned answer then
// serves, with the id asked for).
func (s *Server) serveAttempt(w http.ResponseWriter, req Request) bool {
	id := param(req, "action_attempt_id")
	s.mu.Lock()
	st, ok := s.attempts[id]
	var obj map[string]any
	if ok {
		st.polls++
		obj = st.object()
	}
	s.mu.Unlock()
	if ok {
		writeJSON(w, http.StatusOK, map[string]any{"action_attempt": obj, "ok": true})
		return true
	}
	body := s.Canned(req.Path)
	if aa, ok := body["action_attempt"].(map[string]any); ok && id != "" {
		aa["action_attempt_id"] = id
		writeJSON(w, http.StatusOK, body)
		return true
	}
	return false
}
