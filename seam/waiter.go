package seam

import (
	"context"
	"fmt"
	"log/slog"

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

// wait polls until the attempt ends, with the package's one polling loop
// (see poller). a is the attempt as last seen (nil when only its id is
// known, in which case the first poll is immediate).
func (c *Client) wait(ctx context.Context, cfg *config, a *gen.ActionAttempt, s ActionAttemptSummary) (*gen.ActionAttempt, error) {
	if a != nil {
		if done, err := attemptOutcome(a, s); done {
			return a, err
		}
	}
	var outcome error
	end, err := newPoller(cfg).run(ctx, a == nil, func(ctx context.Context) (bool, error) {
		// ctx carries the call's settings: Get applies them.
		next, err := c.ActionAttempts.Get(ctx, s.ID)
		if err != nil {
			return false, err
		}
		ns, err := SummarizeActionAttempt(next)
		if err != nil {
			return false, err
		}
		a, s = next, ns
		if cfg.logger.Enabled(ctx, slog.LevelDebug) {
			cfg.logger.DebugContext(ctx, "seam: action attempt", "action_attempt_id", s.ID, "action_type", s.ActionType, "status", s.Status)
		}
		done, err := attemptOutcome(a, s)
		outcome = err
		return done, nil
	})
	switch {
	case err != nil:
		return a, err
	case end != nil:
		return a, &ActionAttemptTimeoutError{Attempt: a, ID: s.ID, ActionType: s.ActionType, Waited: end.waited, cause: end.cause}
	}
	return a, outcome
}

// attemptOutcome reports whether the attempt a (summarized as s) has ended,
// and its error when it ended in failure or with a status this package does
// not know.
func attemptOutcome(a *gen.ActionAttempt, s ActionAttemptSummary) (bool, error) {
	switch s.Status {
	case ActionAttemptSuccess:
		return true, nil
	case ActionAttemptError:
		f := ActionAttemptFailure{}
		if s.Error != nil {
			f = *s.Error
		}
		return true, &ActionAttemptFailedError{Attempt: a, ID: s.ID, ActionType: s.ActionType, ErrorType: f.Type, Message: f.Message}
	case ActionAttemptPending:
		return false, nil
	}
	return true, fmt.Errorf("seam: action attempt %s (%s) has unknown status %q", s.ID, s.ActionType, s.Status)
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
