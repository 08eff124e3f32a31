package seam

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/seamgo/seam-go/gen"
)

// EventsService reads events. Each comes back as an Event: the common
// fields, the typed event in Data (a gen.Event… member such as
// gen.EventLockUnlocked), and the raw JSON; an event type newer than this
// SDK is returned too, untyped. Webhook deliveries (package seam/webhook)
// give the same Event.
type EventsService struct{ c *Client }

// eventsListBody and eventsGetBody are the answers of /events/list and
// /events/get with each event kept as its JSON, so that parseEvent decodes
// it once (the generated bodies hold gen.Event unions, which would copy
// each event and have it read again).
type eventsListBody struct {
	Events []json.RawMessage `json:"events"`
}

type eventsGetBody struct {
	Event *json.RawMessage `json:"event"`
}

// List returns the events that params select (GET /events/list).
// params.Since or params.Between is required.
func (s *EventsService) List(ctx context.Context, params *gen.EventsListGetParams, opts ...Option) ([]Event, error) {
	p := deref(params)
	if (p.Since == nil || *p.Since == "") && (p.Between == nil || len(*p.Between) == 0) {
		return nil, &ValidationError{Param: "since", Rule: "since or between is required"}
	}
	events, err := value(s.c, ctx, opts, endpoint{path: "/events/list", key: "events"}, &p,
		s.c.api.EventsListGet, func(b *eventsListBody) []json.RawMessage { return b.Events })
	if err != nil {
		return nil, err
	}
	return parseEvents(events)
}

// Get returns the event eventID (GET /events/get).
func (s *EventsService) Get(ctx context.Context, eventID string, opts ...Option) (*Event, error) {
	if err := required("event_id", eventID); err != nil {
		return nil, err
	}
	raw, err := value(s.c, ctx, opts, endpoint{path: "/events/get", key: "event"}, &gen.EventsGetGetParams{EventId: &eventID},
		s.c.api.EventsGetGet, func(b *eventsGetBody) *json.RawMessage { return b.Event })
	if err != nil {
		return nil, err
	}
	if len(*raw) == 0 || (*raw)[0] != '{' {
		return nil, fmt.Errorf("%w: not a JSON object", ErrInvalidEvent)
	}
	ev, err := parseEvent(*raw)
	if err != nil {
		return nil, err
	}
	return &ev, nil
}
