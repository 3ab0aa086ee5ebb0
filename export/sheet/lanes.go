package sheet

import (
	"sync"

	"servicebp/blueprint"
	"servicebp/blueprint/i18n"
)

// standardLaneNames maps the names of the five standard lanes, in English,
// Simplified and Traditional Chinese and in short forms, to their kinds,
// so that a hand-made sheet's lanes become the standard lanes. It is
// built on first use, so that the catalogues load only for an import.
var standardLaneNames = sync.OnceValue(func() map[string]blueprint.LaneKind {
	m := map[string]blueprint.LaneKind{}
	for _, names := range []blueprint.Names{blueprint.EnglishNames, i18n.Simplified.Names(), i18n.Traditional.Names()} {
		for k, n := range names.Lanes {
			m[normHeader(n)] = k
		}
	}
	for k, names := range map[blueprint.LaneKind][]string{
		blueprint.LaneEvidence:   {"evidence", "physical evidence", "props", "有形展示", "有形证据", "有形證據"},
		blueprint.LaneCustomer:   {"customer", "customer action", "customer actions", "customer journey", "顧客行為", "顾客", "顧客", "客户行为", "客戶行為"},
		blueprint.LaneFrontstage: {"frontstage", "front stage", "frontstage action", "onstage", "onstage actions", "front of house", "前台员工行为", "前台員工行為", "前台", "前台行为", "前台行為"},
		blueprint.LaneBackstage:  {"backstage", "back stage", "backstage action", "back of house", "后台员工行为", "後台員工行為", "后台", "後台", "后台行为", "後台行為"},
		blueprint.LaneSupport:    {"support", "support process", "support processes", "support systems", "支持过程", "支持過程", "支持流程", "支持系统", "支持系統"},
	} {
		for _, n := range names {
			m[normHeader(n)] = k
		}
	}
	return m
})

// standardLane returns the kind of the standard lane named name, if it is
// one.
func standardLane(name string) (blueprint.LaneKind, bool) {
	k, ok := standardLaneNames()[normHeader(name)]
	return k, ok
}
