package seam

import (
	"context"
	"iter"

	"github.com/seamgo/seam-go/gen"
)

// ConnectedAccountsService manages connected accounts: the device-provider
// accounts a workspace was connected to through a Connect Webview.
type ConnectedAccountsService struct{ c *Client }

// List returns one page of connected accounts (GET /connected_accounts/list).
func (s *ConnectedAccountsService) List(ctx context.Context, params *gen.ConnectedAccountsListGetParams, opts ...Option) (*Page[gen.ConnectedAccount], error) {
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	return s.page(ctx, deref(params))
}

// All iterates over the connected accounts of every page, from
// params.PageCursor on.
func (s *ConnectedAccountsService) All(ctx context.Context, params *gen.ConnectedAccountsListGetParams, opts ...Option) iter.Seq2[gen.ConnectedAccount, error] {
	p := deref(params)
	return paginate(s.c, ctx, opts, deref(p.PageCursor), func(ctx context.Context, cursor string) (*Page[gen.ConnectedAccount], error) {
		q := p // a copy per page: ranging the iterator twice, even at once, is safe
		q.PageCursor = cursorParam(cursor)
		return s.page(ctx, q)
	})
}

func (s *ConnectedAccountsService) page(ctx context.Context, p gen.ConnectedAccountsListGetParams) (*Page[gen.ConnectedAccount], error) {
	res, err := s.c.api.ConnectedAccountsListGetWithResponse(ctx, &p)
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return newPage(body.ConnectedAccounts, body.Pagination), nil
}

// Get returns the connected account id (POST /connected_accounts/get: the
// endpoint takes its id in a body, which GET cannot carry).
func (s *ConnectedAccountsService) Get(ctx context.Context, id string, opts ...Option) (*gen.ConnectedAccount, error) {
	if err := required("connected_account_id", id); err != nil {
		return nil, err
	}
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	var req gen.ConnectedAccountsGetRequestBody
	if err := req.FromConnectedAccountsGetRequestBody0(gen.ConnectedAccountsGetRequestBody0{ConnectedAccountId: id}); err != nil {
		return nil, err
	}
	res, err := s.c.api.ConnectedAccountsGetPostWithResponse(ctx, req)
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return &body.ConnectedAccount, nil
}

// Delete deletes the connected account id and the devices it brought
// (POST /connected_accounts/delete).
func (s *ConnectedAccountsService) Delete(ctx context.Context, id string, opts ...Option) error {
	if err := required("connected_account_id", id); err != nil {
		return err
	}
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return err
	}
	_, err = s.c.api.ConnectedAccountsDeletePostWithResponse(ctx, gen.ConnectedAccountsDeleteRequestBody{ConnectedAccountId: id})
	return err
}
