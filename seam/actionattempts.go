package seam

import (
	"context"

	"github.com/seamgo/seam-go/gen"
)

// Get returns the action attempt id (GET /action_attempts/get). To wait
// for one, use Client.WaitForActionAttempt.
func (s *ActionAttemptsService) Get(ctx context.Context, id string, opts ...Option) (*gen.ActionAttempt, error) {
	if err := required("action_attempt_id", id); err != nil {
		return nil, err
	}
	return value(s.c, ctx, opts, endpoint{path: "/action_attempts/get", key: "action_attempt"}, &gen.ActionAttemptsGetGetParams{ActionAttemptId: id},
		s.c.api.ActionAttemptsGetGet, func(b *gen.ActionAttemptsGetResponseBody) *gen.ActionAttempt { return &b.ActionAttempt })
}
