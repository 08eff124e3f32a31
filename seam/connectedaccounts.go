package seam

import (
	"context"

	"github.com/seamgo/seam-go/gen"
)

// Get returns the connected account id (POST /connected_accounts/get: the
// endpoint takes its id in a body, which GET cannot carry).
func (s *ConnectedAccountsService) Get(ctx context.Context, id string, opts ...Option) (*gen.ConnectedAccount, error) {
	if err := required("connected_account_id", id); err != nil {
		return nil, err
	}
	var body gen.ConnectedAccountsGetRequestBody
	if err := body.FromConnectedAccountsGetRequestBody0(gen.ConnectedAccountsGetRequestBody0{ConnectedAccountId: id}); err != nil {
		return nil, err
	}
	return value(s.c, ctx, opts, endpoint{path: "/connected_accounts/get", key: "connected_account"}, &body,
		byValue(s.c.api.ConnectedAccountsGetPost), func(b *gen.ConnectedAccountsGetResponseBody) *gen.ConnectedAccount { return &b.ConnectedAccount })
}
