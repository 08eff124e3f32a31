package seam

import (
	"context"
	"fmt"
	"time"

	"github.com/seamgo/seam-go/gen"
)

// WaitForActionAttempt polls /action_attempts/get until the action attempt
// a ends, and returns it on success. It fails with an
// *ActionAttemptFailedError when the attempt ends in error, an
// *ActionAttemptTimeoutError when it is still pending after the timeout
// (WithActionAttemptTimeout, default 10 s, clamped to ctx's deadline), and
// an error for a status it does not know. It polls every
// WithActionAttemptPollInterval (default 1 s). An attempt that already ended
// is returned (or its error) without any request.
func (c *Client) WaitForActionAttempt(ctx context.Context, a *gen.ActionAttempt, opts ...Option) (*gen.ActionAttempt, error) {
	s, err := SummarizeActionAttempt(a)
	if err != nil {
		return nil, err
	}
	ctx, cfg, err := c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	return c.wait(ctx, cfg, a, s)
}

// WaitForActionAttemptID is WaitForActionAttempt for an attempt known by
// its id: it polls at once, then as WaitForActionAttempt does.
func (c *Client) WaitForActionAttemptID(ctx context.Context, id string, opts ...Option) (*gen.ActionAttempt, error) {
	if err := required("action_attempt_id", id); err != nil {
		return nil, err
	}
	ctx, cfg, err := c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	return c.wait(ctx, cfg, nil, ActionAttemptSummary{ID: id, Status: ActionAttemptPending})
}

// wait polls until the attempt ends. a is the attempt as last seen (nil
// when only its id is known, in which case the first poll is immediate).
// The polls themselves are bounded by the wait's deadline, so a slow or
// retried poll cannot make the wait outlast its timeout.
func (c *Client) wait(ctx context.Context, cfg *config, a *gen.ActionAttempt, s ActionAttemptSummary) (*gen.ActionAttempt, error) {
	start := time.Now()
	deadline := start.Add(cfg.actionAttemptTimeout)
	ctxDeadline, clamped := ctx.Deadline()
	if clamped && ctxDeadline.Before(deadline) {
		deadline = ctxDeadline
	} else {
		clamped = false
	}
	waitCtx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	timeout := func() error {
		// The cause is ctx's error, not waitCtx's: the wait's own timeout
		// is no context error. When the deadline came from ctx, its timer
		// may not have fired yet at this point; it is still what ended the
		// wait.
		cause := ctx.Err()
		if cause == nil && clamped && !time.Now().Before(deadline) {
			cause = context.DeadlineExceeded
		}
		return &ActionAttemptTimeoutError{Attempt: a, ID: s.ID, ActionType: s.ActionType, Waited: time.Since(start), cause: cause}
	}
	delay := cfg.actionAttemptPollInterval
	if a == nil {
		delay = 0
	}
	for {
		if a != nil {
			switch s.Status {
			case ActionAttemptSuccess:
				return a, nil
			case ActionAttemptError:
				f := ActionAttemptFailure{}
				if s.Error != nil {
					f = *s.Error
				}
				return a, &ActionAttemptFailedError{Attempt: a, ID: s.ID, ActionType: s.ActionType, ErrorType: f.Type, Message: f.Message}
			case ActionAttemptPending:
			default:
				return a, fmt.Errorf("seam: action attempt %s (%s) has unknown status %q", s.ID, s.ActionType, s.Status)
			}
		}
		remaining := time.Until(deadline)
		if remaining <= 0 || waitCtx.Err() != nil {
			return a, timeout()
		}
		if delay > 0 {
			t := time.NewTimer(min(delay, remaining))
			select {
			case <-waitCtx.Done():
				t.Stop()
				return a, timeout()
			case <-t.C:
			}
			if !time.Now().Before(deadline) {
				return a, timeout()
			}
		}
		delay = cfg.actionAttemptPollInterval
		next, err := c.getActionAttempt(waitCtx, s.ID)
		if err != nil {
			if waitCtx.Err() != nil {
				return a, timeout()
			}
			return a, err
		}
		if s, err = SummarizeActionAttempt(next); err != nil {
			return a, err
		}
		a = next
		cfg.logger.Debug("seam: action attempt", "action_attempt_id", s.ID, "action_type", s.ActionType, "status", s.Status)
	}
}

// maybeWait waits for a when the call's settings say so, and returns a
// otherwise.
func (c *Client) maybeWait(ctx context.Context, cfg *config, a *gen.ActionAttempt) (*gen.ActionAttempt, error) {
	if !cfg.waitForActionAttempts {
		return a, nil
	}
	s, err := SummarizeActionAttempt(a)
	if err != nil {
		return a, err
	}
	return c.wait(ctx, cfg, a, s)
}

func (c *Client) getActionAttempt(ctx context.Context, id string) (*gen.ActionAttempt, error) {
	res, err := c.api.ActionAttemptsGetGetWithResponse(ctx, &gen.ActionAttemptsGetGetParams{ActionAttemptId: id})
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return &body.ActionAttempt, nil
}
