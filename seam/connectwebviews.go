package seam

import (
	"context"

	"github.com/seamgo/seam-go/gen"
)

// Get returns the Connect Webview id (GET /connect_webviews/get).
func (s *ConnectWebviewsService) Get(ctx context.Context, id string, opts ...Option) (*gen.ConnectWebview, error) {
	if err := required("connect_webview_id", id); err != nil {
		return nil, err
	}
	return value(s.c, ctx, opts, endpoint{path: "/connect_webviews/get", key: "connect_webview"}, &gen.ConnectWebviewsGetGetParams{ConnectWebviewId: id},
		s.c.api.ConnectWebviewsGetGet, func(b *gen.ConnectWebviewsGetResponseBody) *gen.ConnectWebview { return &b.ConnectWebview })
}

// Delete deletes the Connect Webview id (POST /connect_webviews/delete,
// never replayed).
func (s *ConnectWebviewsService) Delete(ctx context.Context, id string, opts ...Option) error {
	if err := required("connect_webview_id", id); err != nil {
		return err
	}
	return run(s.c, ctx, opts, endpoint{path: "/connect_webviews/delete"}, &gen.ConnectWebviewsDeleteRequestBody{ConnectWebviewId: id},
		byValue(s.c.api.ConnectWebviewsDeletePost))
}
