package seam

import (
	"fmt"

	"github.com/seamgo/seam-go/gen"
)

// HvacMode is a thermostat's HVAC mode setting.
type HvacMode string

// The HVAC modes of the spec.
const (
	HvacOff      HvacMode = "off"
	HvacHeat     HvacMode = "heat"
	HvacCool     HvacMode = "cool"
	HvacHeatCool HvacMode = "heat_cool"
	HvacEco      HvacMode = "eco"
)

// ClimateSetting is a thermostat's HVAC mode and set points, in degrees
// Celsius. Heat takes HeatingCelsius, Cool takes CoolingCelsius, HeatCool
// takes both; Off and Eco take none.
type ClimateSetting struct {
	// Mode is the HVAC mode.
	Mode HvacMode
	// HeatingCelsius is the heating set point (heat, heat_cool).
	HeatingCelsius *float64
	// CoolingCelsius is the cooling set point (cool, heat_cool).
	CoolingCelsius *float64
}

// validate checks that s gives the set points its mode takes, and no other.
func (s ClimateSetting) validate() error {
	wantHeat, wantCool := false, false
	switch s.Mode {
	case HvacOff, HvacEco:
	case HvacHeat:
		wantHeat = true
	case HvacCool:
		wantCool = true
	case HvacHeatCool:
		wantHeat, wantCool = true, true
	default:
		return &ValidationError{Param: "hvac_mode_setting", Rule: fmt.Sprintf("must be off, heat, cool, heat_cool or eco (is %q)", s.Mode)}
	}
	for _, sp := range []struct {
		param string
		value *float64
		want  bool
	}{{"heating_set_point_celsius", s.HeatingCelsius, wantHeat}, {"cooling_set_point_celsius", s.CoolingCelsius, wantCool}} {
		if sp.want && sp.value == nil {
			return &ValidationError{Param: sp.param, Rule: fmt.Sprintf("is required for hvac_mode_setting %s", s.Mode)}
		}
		if !sp.want && sp.value != nil {
			return &ValidationError{Param: sp.param, Rule: fmt.Sprintf("is not taken by hvac_mode_setting %s", s.Mode)}
		}
	}
	if wantHeat && wantCool && *s.HeatingCelsius > *s.CoolingCelsius {
		return &ValidationError{Param: "heating_set_point_celsius", Rule: fmt.Sprintf(
			"must not be above cooling_set_point_celsius (%g > %g)", *s.HeatingCelsius, *s.CoolingCelsius)}
	}
	return nil
}

// HvacModeBody returns the body of Thermostats.SetHvacMode that gives the
// thermostat deviceID the setting s: the member of the request union that
// s.Mode selects, which would otherwise be filled in by hand. It refuses,
// with a *ValidationError and before any request, an empty deviceID, an
// unknown mode, a set point missing for the mode or given to a mode that
// does not take it, and (heat_cool) a heating set point above the cooling
// one.
//
//	body, err := seam.HvacModeBody(id, seam.ClimateSetting{Mode: seam.HvacHeatCool,
//		HeatingCelsius: seam.Ptr(20.0), CoolingCelsius: seam.Ptr(24.0)})
//	...
//	_, err = client.Thermostats.SetHvacMode(ctx, body)
func HvacModeBody(deviceID string, s ClimateSetting) (*gen.ThermostatsSetHvacModeRequestBody, error) {
	if err := required("device_id", deviceID); err != nil {
		return nil, err
	}
	if err := s.validate(); err != nil {
		return nil, err
	}
	var body gen.ThermostatsSetHvacModeRequestBody
	var err error
	switch s.Mode {
	case HvacOff:
		err = body.FromThermostatsSetHvacModeRequestOff(gen.ThermostatsSetHvacModeRequestOff{DeviceId: deviceID, HvacModeSetting: "off"})
	case HvacEco:
		err = body.FromThermostatsSetHvacModeRequestEco(gen.ThermostatsSetHvacModeRequestEco{DeviceId: deviceID, HvacModeSetting: "eco"})
	case HvacHeat:
		err = body.FromThermostatsSetHvacModeRequestHeat(gen.ThermostatsSetHvacModeRequestHeat{DeviceId: deviceID, HvacModeSetting: "heat",
			HeatingSetPointCelsius: s.HeatingCelsius})
	case HvacCool:
		err = body.FromThermostatsSetHvacModeRequestCool(gen.ThermostatsSetHvacModeRequestCool{DeviceId: deviceID, HvacModeSetting: "cool",
			CoolingSetPointCelsius: s.CoolingCelsius})
	case HvacHeatCool:
		err = body.FromThermostatsSetHvacModeRequestHeatCool(gen.ThermostatsSetHvacModeRequestHeatCool{DeviceId: deviceID, HvacModeSetting: "heat_cool",
			HeatingSetPointCelsius: s.HeatingCelsius, CoolingSetPointCelsius: s.CoolingCelsius})
	}
	if err != nil {
		return nil, err
	}
	return &body, nil
}

// ThermostatState is what a thermostat device reports about its climate.
type ThermostatState struct {
	// Setting is the current climate setting (properties.current_climate_setting).
	Setting ClimateSetting
	// TemperatureCelsius is the measured temperature, when reported.
	TemperatureCelsius *float64
	// RelativeHumidity is the measured relative humidity (0 to 1), when
	// reported.
	RelativeHumidity *float64
	// AvailableModes are the HVAC modes the thermostat supports.
	AvailableModes []HvacMode
}

// Thermostat reads the climate state of device (a thermostat, from
// Devices.Get or Thermostats.List) out of its properties, which the
// generated types spell as nested anonymous structs. A device without a
// current climate setting is refused with an error.
func Thermostat(device *gen.Device) (ThermostatState, error) {
	if device == nil {
		return ThermostatState{}, &ValidationError{Param: "device", Rule: "is required"}
	}
	p := device.Properties
	cur := p.CurrentClimateSetting
	if cur == nil {
		return ThermostatState{}, fmt.Errorf("seam: device %s reports no current_climate_setting: is it a thermostat?", device.DeviceId)
	}
	st := ThermostatState{TemperatureCelsius: p.TemperatureCelsius, RelativeHumidity: p.RelativeHumidity}
	if cur.HvacModeSetting != nil {
		st.Setting.Mode = HvacMode(*cur.HvacModeSetting)
	}
	st.Setting.HeatingCelsius = cur.HeatingSetPointCelsius
	st.Setting.CoolingCelsius = cur.CoolingSetPointCelsius
	if p.AvailableHvacModeSettings != nil {
		for _, m := range *p.AvailableHvacModeSettings {
			st.AvailableModes = append(st.AvailableModes, HvacMode(m))
		}
	}
	return st, nil
}

// FahrenheitToCelsius converts a temperature, for set points given in °F.
func FahrenheitToCelsius(f float64) float64 { return (f - 32) * 5 / 9 }
