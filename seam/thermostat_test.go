package seam

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHvacModeBody(t *testing.T) {
	for _, tc := range []struct {
		setting ClimateSetting
		want    string
	}{
		{ClimateSetting{Mode: HvacOff}, `{"device_id":"t1","hvac_mode_setting":"off"}`},
		{ClimateSetting{Mode: HvacEco}, `{"device_id":"t1","hvac_mode_setting":"eco"}`},
		{ClimateSetting{Mode: HvacHeat, HeatingCelsius: Ptr(20.5)}, `{"device_id":"t1","heating_set_point_celsius":20.5,"hvac_mode_setting":"heat"}`},
		{ClimateSetting{Mode: HvacCool, CoolingCelsius: Ptr(25.0)}, `{"cooling_set_point_celsius":25,"device_id":"t1","hvac_mode_setting":"cool"}`},
		{ClimateSetting{Mode: HvacHeatCool, HeatingCelsius: Ptr(20.0), CoolingCelsius: Ptr(24.0)},
			`{"cooling_set_point_celsius":24,"device_id":"t1","heating_set_point_celsius":20,"hvac_mode_setting":"heat_cool"}`},
	} {
		t.Run(string(tc.setting.Mode), func(t *testing.T) {
			body, err := HvacModeBody("t1", tc.setting)
			require.NoError(t, err)
			js, err := json.Marshal(body)
			require.NoError(t, err)
			assert.JSONEq(t, tc.want, string(js))
		})
	}
	for _, tc := range []struct {
		device  string
		setting ClimateSetting
		param   string
	}{
		{"", ClimateSetting{Mode: HvacOff}, "device_id"},
		{"t1", ClimateSetting{Mode: "auto"}, "hvac_mode_setting"},
		{"t1", ClimateSetting{Mode: HvacHeat}, "heating_set_point_celsius"},
		{"t1", ClimateSetting{Mode: HvacCool, HeatingCelsius: Ptr(20.0), CoolingCelsius: Ptr(24.0)}, "heating_set_point_celsius"},
		{"t1", ClimateSetting{Mode: HvacHeatCool, HeatingCelsius: Ptr(20.0)}, "cooling_set_point_celsius"},
		{"t1", ClimateSetting{Mode: HvacHeatCool, HeatingCelsius: Ptr(26.0), CoolingCelsius: Ptr(24.0)}, "heating_set_point_celsius"},
		{"t1", ClimateSetting{Mode: HvacOff, CoolingCelsius: Ptr(24.0)}, "cooling_set_point_celsius"},
	} {
		_, err := HvacModeBody(tc.device, tc.setting)
		var verr *ValidationError
		require.ErrorAs(t, err, &verr, "%+v", tc.setting)
		assert.Equal(t, tc.param, verr.Param, "%+v", tc.setting)
	}
}

func TestSetHvacModeSendsTheBody(t *testing.T) {
	var got map[string]any
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		require.Equal(t, "/thermostats/set_hvac_mode", r.URL.Path)
		got = readJSON(t, r)
		writeJSON(t, w, map[string]any{"ok": true, "action_attempt": attemptJSON("aa1", "success")})
	})
	c := newTestClient(t, srv.URL)
	body, err := HvacModeBody("t1", ClimateSetting{Mode: HvacHeat, HeatingCelsius: Ptr(21.0)})
	require.NoError(t, err)
	_, err = c.Thermostats.SetHvacMode(t.Context(), body)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"device_id": "t1", "hvac_mode_setting": "heat", "heating_set_point_celsius": 21.0}, got)
}

func TestThermostat(t *testing.T) {
	d := deviceFrom(t, `{"device_id":"t1","properties":{"temperature_celsius":21.5,"relative_humidity":0.4,
		"available_hvac_mode_settings":["heat","cool","heat_cool","off"],
		"current_climate_setting":{"hvac_mode_setting":"heat_cool","heating_set_point_celsius":20,"cooling_set_point_celsius":25}}}`)
	st, err := Thermostat(d)
	require.NoError(t, err)
	assert.Equal(t, HvacHeatCool, st.Setting.Mode)
	assert.Equal(t, 20.0, *st.Setting.HeatingCelsius)
	assert.Equal(t, 25.0, *st.Setting.CoolingCelsius)
	assert.Equal(t, 21.5, *st.TemperatureCelsius)
	assert.Equal(t, 0.4, *st.RelativeHumidity)
	assert.Equal(t, []HvacMode{HvacHeat, HvacCool, HvacHeatCool, HvacOff}, st.AvailableModes)

	_, err = Thermostat(deviceFrom(t, `{"device_id":"lock1","properties":{"locked":true}}`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "lock1")
	assert.InDelta(t, 20.0, FahrenheitToCelsius(68), 1e-9)
}
