package seam

import (
	"context"
	"fmt"
	"time"
)

// maxPolls bounds the polls of one wait, whatever the timeout and delays.
const maxPolls = 10_000

// poller is the one polling loop of this package: it serves the waits for
// action attempts (Client.WaitForActionAttempt, and the calls that wait by
// default) and AccessCodesService.WaitUntilReady. Like the waiters of
// smithy-go, it sleeps minDelay before the first repeat poll, doubling up to
// maxDelay, and clamps every sleep to what is left before its deadline:
// timeout from the start of the wait, or ctx's deadline if earlier. Every
// poll runs with a context bounded by that deadline, so a slow or retried
// poll cannot make the wait outlast it. It starts no goroutine.
type poller struct {
	timeout  time.Duration
	minDelay time.Duration
	maxDelay time.Duration
	maxPolls int
}

// newPoller returns the poller configured by a call's settings
// (WithActionAttemptTimeout, WithActionAttemptPollInterval).
func newPoller(cfg *config) poller {
	return poller{
		timeout:  cfg.actionAttemptTimeout,
		minDelay: cfg.actionAttemptPollInterval,
		maxDelay: cfg.actionAttemptPollInterval,
		maxPolls: maxPolls,
	}
}

// waitEnd says why a wait stopped before its condition held.
type waitEnd struct {
	// waited is how long the wait lasted.
	waited time.Duration
	// cause is ctx's error when ctx ended the wait (its deadline, even a
	// moment before ctx reports it, or its cancellation), an error saying
	// the polls ran out, or nil when the wait's own timeout did.
	cause error
}

// run calls check until it reports done, fails, or the wait ends. The first
// call is at once when immediate, else after minDelay. It returns the
// check's error, if any; a non-nil *waitEnd when the wait ended first (a
// check failing because the wait's deadline cut it short counts as the
// wait ending); and nil, nil when check reported done.
func (p poller) run(ctx context.Context, immediate bool, check func(ctx context.Context) (bool, error)) (*waitEnd, error) {
	start := time.Now()
	deadline := start.Add(p.timeout)
	ctxBound := false
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline, ctxBound = d, true
	}
	waitCtx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	ended := func() *waitEnd {
		cause := ctx.Err()
		if cause == nil && ctxBound && !time.Now().Before(deadline) {
			cause = context.DeadlineExceeded
		}
		return &waitEnd{waited: time.Since(start), cause: cause}
	}

	delay := p.minDelay
	for n := 0; n < p.maxPolls; n++ {
		if n > 0 || !immediate {
			remaining := time.Until(deadline)
			if remaining <= 0 || waitCtx.Err() != nil {
				return ended(), nil
			}
			t := time.NewTimer(min(delay, remaining))
			select {
			case <-waitCtx.Done():
				t.Stop()
				return ended(), nil
			case <-t.C:
			}
			if !time.Now().Before(deadline) {
				return ended(), nil
			}
			delay = min(2*delay, max(p.maxDelay, p.minDelay))
		}
		done, err := check(waitCtx)
		if err != nil {
			if waitCtx.Err() != nil {
				return ended(), nil
			}
			return nil, err
		}
		if done {
			return nil, nil
		}
	}
	return &waitEnd{waited: time.Since(start), cause: fmt.Errorf("more than %d polls", p.maxPolls)}, nil
}
