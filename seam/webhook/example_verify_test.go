package webhook_test

import (
	"errors"
	"fmt"
	"log"
	"net/http"
	"time"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam/webhook"
)

// Verify without the handler, e.g. inside another framework: pass the
// request's headers and raw body. This delivery was signed at 10:00:01 UTC
// on 30 November 2025, so the example sets the clock to then.
func ExampleVerifier_Verify() {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	signedAt := time.Date(2025, 11, 30, 10, 0, 1, 0, time.UTC)
	verifier, err := webhook.NewVerifier(secret, webhook.WithClock(func() time.Time { return signedAt }))
	if err != nil {
		log.Fatal(err)
	}
	headers := http.Header{}
	headers.Set("svix-id", "msg_2kWl9LzPq7")
	headers.Set("svix-timestamp", "1764496801")
	headers.Set("svix-signature", "v1,HxFRq0CXzbnH+f5PfUIGzjUOb6U/wpnK0gtDOWwotB0=")
	body := []byte(`{"event_id":"e1","event_type":"access_code.set_on_device","access_code_id":"ac_42","code":"1234",` +
		`"device_id":"front_door","connected_account_id":"ca_1","workspace_id":"ws_1",` +
		`"occurred_at":"2025-11-30T10:00:00Z","created_at":"2025-11-30T10:00:01Z"}`)

	ev, err := verifier.Verify(headers, body)
	if err != nil {
		log.Fatal(err)
	}
	if set, ok := ev.Data.(gen.EventAccessCodeSetOnDevice); ok {
		fmt.Printf("%s: code %s (%s) is on %s\n", ev.Type, set.AccessCodeId, set.Code, set.DeviceId)
	}

	// The same delivery replayed an hour later is refused.
	late, err := webhook.NewVerifier(secret, webhook.WithClock(func() time.Time { return signedAt.Add(time.Hour) }))
	if err != nil {
		log.Fatal(err)
	}
	_, err = late.Verify(headers, body)
	fmt.Println(err)

	// So is a delivery with one byte changed.
	body[len(body)-4] = '2'
	_, err = verifier.Verify(headers, body)
	fmt.Println(errors.Is(err, webhook.ErrSignatureMismatch))
	// Output:
	// access_code.set_on_device: code ac_42 (1234) is on front_door
	// webhook: timestamp outside tolerance: svix-timestamp 2025-11-30T10:00:01Z is 1h0m0s old, more than 5m0s
	// true
}
