package seam

import (
	"context"

	"github.com/seamgo/seam-go/gen"
)

// WorkspacesService reads and manages workspaces. Create and List need a
// client without workspace (NewWithoutWorkspace).
type WorkspacesService struct{ c *Client }

// Get returns the client's workspace (GET /workspaces/get).
func (s *WorkspacesService) Get(ctx context.Context, opts ...Option) (*gen.Workspace, error) {
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.WorkspacesGetGetWithResponse(ctx)
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return &body.Workspace, nil
}

// List returns the workspaces the token can reach (GET /workspaces/list).
func (s *WorkspacesService) List(ctx context.Context, opts ...Option) ([]gen.Workspace, error) {
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.WorkspacesListGetWithResponse(ctx)
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return body.Workspaces, nil
}

// Create creates a workspace (POST /workspaces/create). req.Name is required.
func (s *WorkspacesService) Create(ctx context.Context, req gen.WorkspacesCreateRequestBody, opts ...Option) (*gen.Workspace, error) {
	if err := required("name", req.Name); err != nil {
		return nil, err
	}
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.WorkspacesCreatePostWithResponse(ctx, req)
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return &body.Workspace, nil
}

// ResetSandbox deletes everything in a sandbox workspace and seeds it anew
// (POST /workspaces/reset_sandbox), waiting for the action attempt as
// LocksService.LockDoor does.
func (s *WorkspacesService) ResetSandbox(ctx context.Context, opts ...Option) (*gen.ActionAttempt, error) {
	ctx, cfg, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.WorkspacesResetSandboxPostWithResponse(ctx)
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return s.c.maybeWait(ctx, cfg, &body.ActionAttempt)
}
