package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/oapi-codegen/nullable"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam"
)

// demo holds what the walk-through shares between its steps.
type demo struct {
	client *seam.Client
	out    io.Writer
	// live is true against the real API, false against the local fake.
	live bool
}

// scenario is one access code of the guide.
type scenario struct {
	title   string
	offline bool
	setting seam.AccessCodeSetting
	extra   []seam.AccessCodeOption
}

func (d *demo) walk(ctx context.Context) error {
	lock, err := d.devices(ctx)
	if err != nil {
		return err
	}
	created, err := d.accessCodes(ctx, lock)
	if err != nil {
		return err
	}
	d.unlock(ctx, lock)
	d.thermostat(ctx)
	return d.cleanUp(ctx, created)
}

// devices lists every device, page by page, and picks the first lock that
// takes access codes.
func (d *demo) devices(ctx context.Context) (*gen.Device, error) {
	fmt.Fprintln(d.out, "\n1. Devices")
	tw := tabwriter.NewWriter(d.out, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  DEVICE ID\tTYPE\tNAME\tACCESS CODES\tOFFLINE CODES")
	var lock *gen.Device
	for device, err := range d.client.Devices.All(ctx, nil) {
		if err != nil {
			return nil, err
		}
		codes := slices.Contains(device.CapabilitiesSupported, gen.DeviceCapabilitiesSupportedAccessCode)
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", device.DeviceId, device.DeviceType, device.DisplayName,
			yesNo(codes), yesNo(seam.SupportsOfflineAccessCodes(&device)))
		if lock == nil && codes && slices.Contains(device.CapabilitiesSupported, gen.DeviceCapabilitiesSupportedLock) {
			lock = &device
		}
	}
	if err := tw.Flush(); err != nil {
		return nil, err
	}
	if lock == nil {
		return nil, errors.New("no lock that takes access codes in this workspace")
	}
	fmt.Fprintf(d.out, "Using %s (%s).\n", lock.DisplayName, lock.DeviceId)
	return lock, nil
}

// accessCodes creates the guide's five codes and shows what the API answered.
func (d *demo) accessCodes(ctx context.Context, lock *gen.Device) ([]string, error) {
	fmt.Fprintln(d.out, "\n2. Access codes, as in the guide")
	day := time.Now().UTC().Truncate(24 * time.Hour).Add(24 * time.Hour) // tomorrow, 00:00 UTC
	dailyStart, dailyEnd, err := seam.DailyWindow(day, 31, 0, time.UTC)
	if err != nil {
		return nil, err
	}
	scenarios := []scenario{
		{title: "ongoing", setting: seam.Ongoing("my ongoing code", "1234")},
		{title: "time-bound", setting: seam.TimeBound(day.Add(16*time.Hour), day.Add(21*24*time.Hour+12*time.Hour)),
			extra: []seam.AccessCodeOption{seam.WithCodeName("my time-bound code"), seam.WithCode("2345")}},
		{title: "hourly-bound offline", offline: true, setting: seam.HourlyBoundOffline(day, day.Add(5*24*time.Hour+18*time.Hour)),
			extra: []seam.AccessCodeOption{seam.WithCodeName("my hourly-bound offline code")}},
		{title: "daily-bound offline", offline: true, setting: seam.DailyBoundOffline(dailyStart, dailyEnd),
			extra: []seam.AccessCodeOption{seam.WithCodeName("my daily-bound offline code")}},
		{title: "one-time-use offline", offline: true, setting: seam.OneTimeUseOffline(day.Add(2 * 24 * time.Hour)),
			extra: []seam.AccessCodeOption{seam.WithCodeName("my one-time-use offline code")}},
	}
	tw := tabwriter.NewWriter(d.out, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  SCENARIO\tTYPE\tSTATUS\tWINDOW (UTC)\tCODE\tOFFLINE\tONE-TIME")
	var created []string
	for _, sc := range scenarios {
		if sc.offline && d.live && !seam.SupportsOfflineAccessCodes(lock) {
			fmt.Fprintf(tw, "  %s\tskipped: %s does not take offline access codes\n", sc.title, lock.DeviceId)
			continue
		}
		code, err := d.client.AccessCodes.Create(ctx, lock.DeviceId, append([]seam.AccessCodeOption{sc.setting}, sc.extra...)...)
		if err != nil {
			// Shown as the API answered it; the walk goes on.
			fmt.Fprintf(tw, "  %s\trefused: %v\n", sc.title, err)
			continue
		}
		created = append(created, code.AccessCodeId)
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\n", sc.title, code.Type, code.Status,
			window(code.StartsAt, code.EndsAt), pin(code), yesNo(code.IsOfflineAccessCode), yesNo(code.IsOneTimeUse))
	}
	if err := tw.Flush(); err != nil {
		return nil, err
	}
	if !d.live {
		fmt.Fprintln(d.out, "Note: the fake (1.86.0) ignores the offline settings it is sent, so it answers OFFLINE=no;")
		fmt.Fprintln(d.out, "the request bodies themselves are checked by the tests against a server of our own.")
	}
	return created, nil
}

// unlock unlocks the door and waits for the action attempt.
func (d *demo) unlock(ctx context.Context, lock *gen.Device) {
	fmt.Fprintln(d.out, "\n3. Unlock, waiting for the action attempt")
	start := time.Now()
	attempt, err := d.client.Locks.UnlockDoor(ctx, lock.DeviceId)
	if err != nil {
		fmt.Fprintf(d.out, "  unlock failed: %v\n", err)
		return
	}
	s, err := seam.SummarizeActionAttempt(attempt)
	if err != nil {
		fmt.Fprintf(d.out, "  unreadable action attempt: %v\n", err)
		return
	}
	fmt.Fprintf(d.out, "  action attempt %s %s: %s after %s\n", s.ID, s.ActionType, s.Status, time.Since(start).Round(time.Millisecond))
}

// thermostat sets the first thermostat to heat_cool (20 °C to 24 °C),
// waiting for the action attempt, and shows its climate before and after.
func (d *demo) thermostat(ctx context.Context) {
	fmt.Fprintln(d.out, "\n4. Thermostat: heat to 20 °C, cool above 24 °C")
	var thermostat *gen.Device
	for device, err := range d.client.Devices.All(ctx, nil) {
		if err != nil {
			fmt.Fprintf(d.out, "  listing devices failed: %v\n", err)
			return
		}
		if _, err := seam.Thermostat(&device); err == nil {
			thermostat = &device
			break
		}
	}
	if thermostat == nil {
		fmt.Fprintln(d.out, "  skipped: no thermostat in this workspace")
		return
	}
	show := func(label string, device *gen.Device) {
		st, err := seam.Thermostat(device)
		if err != nil {
			fmt.Fprintf(d.out, "  %s: %v\n", label, err)
			return
		}
		fmt.Fprintf(d.out, "  %s: %s (%s) mode %s, heating %s, cooling %s\n", label, device.DisplayName, device.DeviceId,
			st.Setting.Mode, celsius(st.Setting.HeatingCelsius), celsius(st.Setting.CoolingCelsius))
	}
	show("before", thermostat)
	start := time.Now()
	attempt, err := d.client.Thermostats.HeatCool(ctx, &gen.ThermostatsHeatCoolRequestBody{
		DeviceId:               thermostat.DeviceId,
		HeatingSetPointCelsius: seam.Ptr(20.0),
		CoolingSetPointCelsius: seam.Ptr(24.0),
	})
	if err != nil {
		fmt.Fprintf(d.out, "  heat_cool failed: %v\n", err)
		return
	}
	if s, err := seam.SummarizeActionAttempt(attempt); err == nil {
		fmt.Fprintf(d.out, "  action attempt %s %s: %s after %s\n", s.ID, s.ActionType, s.Status, time.Since(start).Round(time.Millisecond))
	}
	after, err := d.client.Devices.Get(ctx, thermostat.DeviceId)
	if err != nil {
		fmt.Fprintf(d.out, "  reading the thermostat failed: %v\n", err)
		return
	}
	show("after", after)
	if !d.live {
		fmt.Fprintln(d.out, "Note: the fake (1.86.0) implements /thermostats/heat_cool, heat, cool, off and set_fan_mode,")
		fmt.Fprintln(d.out, "but not set_hvac_mode or schedules; its /thermostats/list answers under \"thermostats\", not the")
		fmt.Fprintln(d.out, "spec's \"devices\", so the demo finds the thermostat through /devices/list.")
	}
}

func celsius(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%.1f °C", *v)
}

// cleanUp deletes the codes the demo created.
func (d *demo) cleanUp(ctx context.Context, ids []string) error {
	fmt.Fprintln(d.out, "\n5. Clean up")
	var errs []error
	for _, id := range ids {
		if _, err := d.client.AccessCodes.Delete(ctx, id); err != nil {
			errs = append(errs, fmt.Errorf("delete access code %s: %w", id, err))
			continue
		}
		fmt.Fprintf(d.out, "  deleted access code %s\n", id)
	}
	return errors.Join(errs...)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func window(start, end nullable.Nullable[time.Time]) string {
	if !start.IsSpecified() && !end.IsSpecified() || start.IsNull() && end.IsNull() {
		return "-"
	}
	format := func(t nullable.Nullable[time.Time]) string {
		v, err := t.Get()
		if err != nil {
			return "..."
		}
		return v.UTC().Format("2006-01-02 15:04")
	}
	return format(start) + " -> " + format(end)
}

func pin(code *gen.AccessCode) string {
	pinCode, err := code.Code.Get()
	if err != nil {
		if code.IsWaitingForCodeAssignment != nil && *code.IsWaitingForCodeAssignment {
			return "(being assigned)"
		}
		return "-"
	}
	return pinCode
}
