package seam_test

import (
	"context"
	"encoding/json"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam"
)

// fastPolls makes waiting calls poll every few milliseconds.
var fastPolls = seam.WithActionAttemptPollInterval(5 * time.Millisecond)

// actionAttempt builds a gen.ActionAttempt from its JSON fields.
func actionAttempt(t *testing.T, fields map[string]any) *gen.ActionAttempt {
	t.Helper()
	raw, err := json.Marshal(fields)
	require.NoError(t, err)
	var a gen.ActionAttempt
	require.NoError(t, a.UnmarshalJSON(raw))
	return &a
}

// pollSequence answers GET /action_attempts/get with the statuses in turn,
// the last one for every further poll, and counts the polls.
func pollSequence(t *testing.T, s *stub, id string, statuses ...string) *atomic.Int64 {
	t.Helper()
	var polls atomic.Int64
	s.handle("GET /action_attempts/get", func(r *stubRequest) (int, any) {
		n := int(polls.Add(1))
		assert.Equal(t, id, r.Query.Get("action_attempt_id"))
		status := statuses[min(n, len(statuses))-1]
		return http.StatusOK, envelope("action_attempt", attempt(id, "UNLOCK_DOOR", status))
	})
	return &polls
}

func TestWaitReturnsTheSuccessfulAttempt(t *testing.T) {
	s := newStub(t)
	polls := pollSequence(t, s, "aa1", "pending", "pending", "success")
	c := s.client(t)

	pending := actionAttempt(t, attempt("aa1", "UNLOCK_DOOR", "pending"))
	got, err := c.WaitForActionAttempt(t.Context(), pending, fastPolls)
	require.NoError(t, err)
	sum := summary(t, got)
	assert.Equal(t, seam.ActionAttemptSuccess, sum.Status)
	assert.Equal(t, "aa1", sum.ID)
	assert.Equal(t, "UNLOCK_DOOR", sum.ActionType)
	assert.EqualValues(t, 3, polls.Load(), "pending, pending, success")
	assert.Equal(t, 3, len(s.requests()))
}

func TestWaitForActionAttemptIDPollsAtOnce(t *testing.T) {
	s := newStub(t)
	polls := pollSequence(t, s, "aa7", "success")
	c := s.client(t)

	start := time.Now()
	// A poll interval far above the test's run time: only an immediate
	// first poll lets this return quickly.
	got, err := c.WaitForActionAttemptID(t.Context(), "aa7", seam.WithActionAttemptPollInterval(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, seam.ActionAttemptSuccess, summary(t, got).Status)
	assert.EqualValues(t, 1, polls.Load())
	assert.Less(t, time.Since(start), 5*time.Second)
}

func TestWaitFailure(t *testing.T) {
	s := newStub(t)
	polls := pollSequence(t, s, "aa2", "pending", "error")
	c := s.client(t)

	pending := actionAttempt(t, attempt("aa2", "UNLOCK_DOOR", "pending"))
	got, err := c.WaitForActionAttempt(t.Context(), pending, fastPolls)
	require.Error(t, err)
	assert.ErrorIs(t, err, seam.ErrActionAttemptFailed)
	assert.NotErrorIs(t, err, seam.ErrActionAttemptTimeout)
	var failed *seam.ActionAttemptFailedError
	require.ErrorAs(t, err, &failed)
	assert.Equal(t, "aa2", failed.ID)
	assert.Equal(t, "UNLOCK_DOOR", failed.ActionType)
	assert.Equal(t, "lock_offline", failed.ErrorType)
	assert.Equal(t, "The lock is offline", failed.Message)
	assert.Equal(t, seam.ActionAttemptError, summary(t, failed.Attempt).Status)
	assert.Equal(t, failed.Attempt, got, "the failed attempt is returned too")
	assert.Contains(t, err.Error(), "lock_offline")
	assert.EqualValues(t, 2, polls.Load())
}

func TestWaitTimeout(t *testing.T) {
	s := newStub(t)
	polls := pollSequence(t, s, "aa3", "pending")
	c := s.client(t)

	pending := actionAttempt(t, attempt("aa3", "UNLOCK_DOOR", "pending"))
	start := time.Now()
	got, err := c.WaitForActionAttempt(t.Context(), pending,
		seam.WithActionAttemptTimeout(100*time.Millisecond), seam.WithActionAttemptPollInterval(10*time.Millisecond))
	elapsed := time.Since(start)
	require.Error(t, err)
	assert.ErrorIs(t, err, seam.ErrActionAttemptTimeout)
	assert.NotErrorIs(t, err, seam.ErrActionAttemptFailed)
	assert.NotErrorIs(t, err, context.DeadlineExceeded, "the wait's own timeout is not a context error")
	var timeout *seam.ActionAttemptTimeoutError
	require.ErrorAs(t, err, &timeout)
	assert.Equal(t, "aa3", timeout.ID)
	assert.Equal(t, "UNLOCK_DOOR", timeout.ActionType)
	assert.GreaterOrEqual(t, timeout.Waited, 100*time.Millisecond)
	assert.Equal(t, seam.ActionAttemptPending, summary(t, timeout.Attempt).Status)
	assert.Equal(t, timeout.Attempt, got)
	assert.GreaterOrEqual(t, elapsed, 100*time.Millisecond)
	assert.Less(t, elapsed, 2*time.Second)
	assert.GreaterOrEqual(t, polls.Load(), int64(2), "it polled while waiting")
}

func TestWaitClampedToContextDeadline(t *testing.T) {
	s := newStub(t)
	pollSequence(t, s, "aa4", "pending")
	c := s.client(t)

	ctx, cancel := context.WithTimeout(t.Context(), 150*time.Millisecond)
	defer cancel()
	pending := actionAttempt(t, attempt("aa4", "UNLOCK_DOOR", "pending"))
	start := time.Now()
	// The action attempt timeout (a minute) is far longer than ctx's
	// deadline, and so is the poll interval: the wait must end at the
	// deadline, not after either.
	_, err := c.WaitForActionAttempt(ctx, pending,
		seam.WithActionAttemptTimeout(time.Minute), seam.WithActionAttemptPollInterval(40*time.Millisecond))
	elapsed := time.Since(start)
	require.Error(t, err)
	assert.ErrorIs(t, err, seam.ErrActionAttemptTimeout)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.GreaterOrEqual(t, elapsed, 140*time.Millisecond)
	assert.Less(t, elapsed, 2*time.Second, "returns soon after the context's deadline")
}

func TestWaitStopsWhenContextIsCanceled(t *testing.T) {
	s := newStub(t)
	pollSequence(t, s, "aa5", "pending")
	c := s.client(t)

	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(50*time.Millisecond, cancel)
	pending := actionAttempt(t, attempt("aa5", "UNLOCK_DOOR", "pending"))
	start := time.Now()
	_, err := c.WaitForActionAttempt(ctx, pending, seam.WithActionAttemptPollInterval(time.Hour))
	assert.ErrorIs(t, err, seam.ErrActionAttemptTimeout)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Less(t, time.Since(start), 2*time.Second)
	assert.Empty(t, s.requests(), "canceled before the first poll was due")
}

// TestWaitBoundsASlowPoll checks that a poll the server never answers
// cannot make the wait outlast its timeout.
func TestWaitBoundsASlowPoll(t *testing.T) {
	s := newStub(t)
	s.handle("GET /action_attempts/get", func(r *stubRequest) (int, any) {
		select {
		case <-r.Context.Done():
		case <-time.After(10 * time.Second):
		}
		return http.StatusOK, envelope("action_attempt", attempt("aa6", "UNLOCK_DOOR", "success"))
	})
	c := s.client(t)

	pending := actionAttempt(t, attempt("aa6", "UNLOCK_DOOR", "pending"))
	start := time.Now()
	_, err := c.WaitForActionAttempt(t.Context(), pending,
		seam.WithActionAttemptTimeout(150*time.Millisecond), seam.WithActionAttemptPollInterval(10*time.Millisecond))
	assert.ErrorIs(t, err, seam.ErrActionAttemptTimeout)
	assert.NotErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 3*time.Second, "the hanging poll is abandoned at the timeout")
}

func TestWaitUnknownStatus(t *testing.T) {
	s := newStub(t)
	polls := pollSequence(t, s, "aa8", "exploded")
	c := s.client(t)

	pending := actionAttempt(t, attempt("aa8", "UNLOCK_DOOR", "pending"))
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	_, err := c.WaitForActionAttempt(ctx, pending, fastPolls)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown status "exploded"`)
	assert.NotErrorIs(t, err, seam.ErrActionAttemptTimeout)
	assert.NotErrorIs(t, err, seam.ErrActionAttemptFailed)
	assert.EqualValues(t, 1, polls.Load(), "no further poll after an unknown status")
}

func TestWaitPollErrorIsReturned(t *testing.T) {
	s := newStub(t)
	s.reply("GET /action_attempts/get", http.StatusNotFound, seamError("action_attempt_not_found", "Action attempt not found"))
	c := s.client(t)

	pending := actionAttempt(t, attempt("aa9", "UNLOCK_DOOR", "pending"))
	_, err := c.WaitForActionAttempt(t.Context(), pending, fastPolls)
	require.ErrorIs(t, err, seam.ErrNotFound)
	var apiErr *seam.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "action_attempt_not_found", apiErr.Type)
	assert.Equal(t, 1, s.count("GET /action_attempts/get"), "a 404 is neither retried nor polled again")
}

func TestWaitOnEndedAttemptSendsNothing(t *testing.T) {
	s := newStub(t)
	c := s.client(t)

	done := actionAttempt(t, attempt("aa10", "LOCK_DOOR", "success"))
	got, err := c.WaitForActionAttempt(t.Context(), done)
	require.NoError(t, err)
	assert.Same(t, done, got)

	failed := actionAttempt(t, attempt("aa11", "LOCK_DOOR", "error"))
	_, err = c.WaitForActionAttempt(t.Context(), failed)
	assert.ErrorIs(t, err, seam.ErrActionAttemptFailed)

	_, err = c.WaitForActionAttempt(t.Context(), nil)
	assert.Error(t, err)
	_, err = c.WaitForActionAttempt(t.Context(), actionAttempt(t, map[string]any{"status": "pending"}))
	assert.ErrorContains(t, err, "action_attempt_id")

	assert.Empty(t, s.requests())
}

// lockStub answers the lock and unlock calls with a pending attempt and
// the polls with success.
func lockStub(t *testing.T) *stub {
	t.Helper()
	s := newStub(t)
	s.reply("POST /locks/lock_door", http.StatusOK, envelope("action_attempt", attempt("lk1", "LOCK_DOOR", "pending")))
	s.reply("POST /locks/unlock_door", http.StatusOK, envelope("action_attempt", attempt("lk1", "UNLOCK_DOOR", "pending")))
	s.reply("GET /action_attempts/get", http.StatusOK, envelope("action_attempt", attempt("lk1", "UNLOCK_DOOR", "success")))
	return s
}

func TestLockDoorAndUnlockDoorWaitByDefault(t *testing.T) {
	for _, name := range []string{"LockDoor", "UnlockDoor"} {
		t.Run(name, func(t *testing.T) {
			s := lockStub(t)
			c := s.client(t, fastPolls)
			call := c.Locks.LockDoor
			route := "POST /locks/lock_door"
			if name == "UnlockDoor" {
				call, route = c.Locks.UnlockDoor, "POST /locks/unlock_door"
			}
			got, err := call(t.Context(), "d1")
			require.NoError(t, err)
			assert.Equal(t, seam.ActionAttemptSuccess, summary(t, got).Status)
			assert.Equal(t, 1, s.count(route))
			assert.Equal(t, 1, s.count("GET /action_attempts/get"))
		})
	}
}

func TestLockDoorWithoutWaiting(t *testing.T) {
	t.Run("per call", func(t *testing.T) {
		s := lockStub(t)
		c := s.client(t)
		got, err := c.Locks.UnlockDoor(t.Context(), "d1", seam.WithWaitForActionAttempts(false))
		require.NoError(t, err)
		assert.Equal(t, seam.ActionAttemptPending, summary(t, got).Status)
		assert.Equal(t, 0, s.count("GET /action_attempts/get"))

		// The client still waits on the next call.
		_, err = c.Locks.LockDoor(t.Context(), "d1", fastPolls)
		require.NoError(t, err)
		assert.Equal(t, 1, s.count("GET /action_attempts/get"))
	})
	t.Run("per client", func(t *testing.T) {
		s := lockStub(t)
		c := s.client(t, seam.WithWaitForActionAttempts(false))
		got, err := c.Locks.LockDoor(t.Context(), "d1")
		require.NoError(t, err)
		assert.Equal(t, seam.ActionAttemptPending, summary(t, got).Status)
		_, err = c.Locks.UnlockDoor(t.Context(), "d1")
		require.NoError(t, err)
		assert.Equal(t, 0, s.count("GET /action_attempts/get"))

		// A call may still ask to wait.
		got, err = c.Locks.UnlockDoor(t.Context(), "d1", seam.WithWaitForActionAttempts(true), fastPolls)
		require.NoError(t, err)
		assert.Equal(t, seam.ActionAttemptSuccess, summary(t, got).Status)
		assert.Equal(t, 1, s.count("GET /action_attempts/get"))
	})
}

// TestUnlockDoorSentOnceWhilePollsAreRetried checks that when the polls hit
// 503s, the GET is retried but the unlock itself is never sent again.
func TestUnlockDoorSentOnceWhilePollsAreRetried(t *testing.T) {
	s := newStub(t)
	s.reply("POST /locks/unlock_door", http.StatusOK, envelope("action_attempt", attempt("un1", "UNLOCK_DOOR", "pending")))
	var polls atomic.Int64
	s.handle("GET /action_attempts/get", func(*stubRequest) (int, any) {
		switch polls.Add(1) {
		case 1, 2:
			return http.StatusServiceUnavailable, nil
		case 3:
			return http.StatusOK, envelope("action_attempt", attempt("un1", "UNLOCK_DOOR", "pending"))
		case 4:
			return http.StatusServiceUnavailable, nil
		default:
			return http.StatusOK, envelope("action_attempt", attempt("un1", "UNLOCK_DOOR", "success"))
		}
	})
	c := s.client(t, fastPolls)

	got, err := c.Locks.UnlockDoor(t.Context(), "d1")
	require.NoError(t, err)
	assert.Equal(t, seam.ActionAttemptSuccess, summary(t, got).Status)
	assert.Equal(t, 1, s.count("POST /locks/unlock_door"), "the unlock is sent exactly once")
	assert.EqualValues(t, 5, polls.Load(), "503, 503, pending, 503, success")
}

// TestUnlockDoorPollsFailForGood checks that when every poll fails, the
// caller gets the server error (after the GET's retries), and the unlock
// was still sent once.
func TestUnlockDoorPollsFailForGood(t *testing.T) {
	s := newStub(t)
	s.reply("POST /locks/unlock_door", http.StatusOK, envelope("action_attempt", attempt("un2", "UNLOCK_DOOR", "pending")))
	s.reply("GET /action_attempts/get", http.StatusServiceUnavailable, nil)
	c := s.client(t, fastPolls)

	got, err := c.Locks.UnlockDoor(t.Context(), "d1")
	require.ErrorIs(t, err, seam.ErrServer)
	assert.Equal(t, seam.ActionAttemptPending, summary(t, got).Status, "the last known attempt comes with the error")
	assert.Equal(t, 1, s.count("POST /locks/unlock_door"))
	assert.Equal(t, 1+seam.DefaultMaxRetries, s.count("GET /action_attempts/get"))
}

// TestUnlockDoorNotRetriedOn503 checks that a POST answered 503 is not sent
// again.
func TestUnlockDoorNotRetriedOn503(t *testing.T) {
	s := newStub(t)
	s.reply("POST /locks/unlock_door", http.StatusServiceUnavailable, nil)
	c := s.client(t)

	_, err := c.Locks.UnlockDoor(t.Context(), "d1")
	require.ErrorIs(t, err, seam.ErrServer)
	assert.Equal(t, 1, s.count("POST /locks/unlock_door"))
	assert.Equal(t, 0, s.count("GET /action_attempts/get"))
}
