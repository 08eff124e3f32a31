package seam

import (
	"context"
	"iter"

	"github.com/seamgo/seam-go/gen"
)

// ActionAttemptsService reads action attempts. To wait for one, use
// Client.WaitForActionAttempt.
type ActionAttemptsService struct{ c *Client }

// Get returns the action attempt id (GET /action_attempts/get).
func (s *ActionAttemptsService) Get(ctx context.Context, id string, opts ...Option) (*gen.ActionAttempt, error) {
	if err := required("action_attempt_id", id); err != nil {
		return nil, err
	}
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	return s.c.getActionAttempt(ctx, id)
}

// List returns one page of action attempts (GET /action_attempts/list).
func (s *ActionAttemptsService) List(ctx context.Context, params *gen.ActionAttemptsListGetParams, opts ...Option) (*Page[gen.ActionAttempt], error) {
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	return s.page(ctx, deref(params))
}

// All iterates over the action attempts of every page, from
// params.PageCursor on.
func (s *ActionAttemptsService) All(ctx context.Context, params *gen.ActionAttemptsListGetParams, opts ...Option) iter.Seq2[gen.ActionAttempt, error] {
	p := deref(params)
	return paginate(s.c, ctx, opts, deref(p.PageCursor), func(ctx context.Context, cursor string) (*Page[gen.ActionAttempt], error) {
		q := p // a copy per page: ranging the iterator twice, even at once, is safe
		q.PageCursor = cursorParam(cursor)
		return s.page(ctx, q)
	})
}

func (s *ActionAttemptsService) page(ctx context.Context, p gen.ActionAttemptsListGetParams) (*Page[gen.ActionAttempt], error) {
	res, err := s.c.api.ActionAttemptsListGetWithResponse(ctx, &p)
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return newPage(body.ActionAttempts, body.Pagination), nil
}
