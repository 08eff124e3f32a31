package seam

import (
	"context"

	"github.com/seamgo/seam-go/gen"
)

// EventsService reads events. Each comes back as an Event: the common
// fields, the typed event in Data (a gen.Event… member such as
// gen.EventLockUnlocked), and the raw JSON; an event type newer than this
// SDK is returned too, untyped. Webhook deliveries (package seam/webhook)
// give the same Event.
type EventsService struct{ c *Client }

// List returns the events that params select (GET /events/list).
// params.Since or params.Between is required.
func (s *EventsService) List(ctx context.Context, params *gen.EventsListGetParams, opts ...Option) ([]Event, error) {
	p := deref(params)
	if (p.Since == nil || *p.Since == "") && (p.Between == nil || len(*p.Between) == 0) {
		return nil, &ValidationError{Param: "since", Rule: "since or between is required"}
	}
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.EventsListGetWithResponse(ctx, &p)
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return eventsFromGen(body.Events)
}

// Get returns the event eventID (GET /events/get).
func (s *EventsService) Get(ctx context.Context, eventID string, opts ...Option) (*Event, error) {
	if err := required("event_id", eventID); err != nil {
		return nil, err
	}
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.EventsGetGetWithResponse(ctx, &gen.EventsGetGetParams{EventId: &eventID})
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	if body.Event == nil {
		return nil, &APIError{StatusCode: res.HTTPResponse.StatusCode, Type: "event_not_found", Message: deref(body.Message)}
	}
	ev, err := eventFromGen(*body.Event)
	if err != nil {
		return nil, err
	}
	return &ev, nil
}
