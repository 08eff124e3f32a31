package seam

import (
	"context"
	"iter"

	"github.com/seamgo/seam-go/gen"
)

// ConnectWebviewsService manages Connect Webviews: the pages through which
// a user connects their device-provider account to the workspace.
type ConnectWebviewsService struct{ c *Client }

// Create creates a Connect Webview (POST /connect_webviews/create); send
// the user to its Url.
func (s *ConnectWebviewsService) Create(ctx context.Context, req gen.ConnectWebviewsCreateRequestBody, opts ...Option) (*gen.ConnectWebview, error) {
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.ConnectWebviewsCreatePostWithResponse(ctx, req)
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return &body.ConnectWebview, nil
}

// Get returns the Connect Webview id (GET /connect_webviews/get).
func (s *ConnectWebviewsService) Get(ctx context.Context, id string, opts ...Option) (*gen.ConnectWebview, error) {
	if err := required("connect_webview_id", id); err != nil {
		return nil, err
	}
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.ConnectWebviewsGetGetWithResponse(ctx, &gen.ConnectWebviewsGetGetParams{ConnectWebviewId: id})
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return &body.ConnectWebview, nil
}

// List returns one page of Connect Webviews (GET /connect_webviews/list).
func (s *ConnectWebviewsService) List(ctx context.Context, params *gen.ConnectWebviewsListGetParams, opts ...Option) (*Page[gen.ConnectWebview], error) {
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	return s.page(ctx, deref(params))
}

// All iterates over the Connect Webviews of every page, from
// params.PageCursor on.
func (s *ConnectWebviewsService) All(ctx context.Context, params *gen.ConnectWebviewsListGetParams, opts ...Option) iter.Seq2[gen.ConnectWebview, error] {
	p := deref(params)
	return paginate(s.c, ctx, opts, deref(p.PageCursor), func(ctx context.Context, cursor string) (*Page[gen.ConnectWebview], error) {
		q := p // a copy per page: ranging the iterator twice, even at once, is safe
		q.PageCursor = cursorParam(cursor)
		return s.page(ctx, q)
	})
}

func (s *ConnectWebviewsService) page(ctx context.Context, p gen.ConnectWebviewsListGetParams) (*Page[gen.ConnectWebview], error) {
	res, err := s.c.api.ConnectWebviewsListGetWithResponse(ctx, &p)
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return newPage(body.ConnectWebviews, body.Pagination), nil
}

// Delete deletes the Connect Webview id (POST /connect_webviews/delete).
func (s *ConnectWebviewsService) Delete(ctx context.Context, id string, opts ...Option) error {
	if err := required("connect_webview_id", id); err != nil {
		return err
	}
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return err
	}
	_, err = s.c.api.ConnectWebviewsDeletePostWithResponse(ctx, gen.ConnectWebviewsDeleteRequestBody{ConnectWebviewId: id})
	return err
}
