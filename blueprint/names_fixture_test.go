package blueprint

// ChineseNames is a second set of lane and line names for the tests that
// replace a document with one named differently. The translated names the
// editor and the exports use come from blueprint/i18n, which this package
// cannot import in its own tests.
var ChineseNames = Names{
	Lanes: map[LaneKind]string{
		LaneEvidence:   "有形展示",
		LaneCustomer:   "顾客行为",
		LaneFrontstage: "前台员工行为",
		LaneBackstage:  "后台员工行为",
		LaneSupport:    "支持过程",
	},
	Lines: map[LineKind]string{
		LineInteraction: "互动分界线",
		LineVisibility:  "可视分界线",
		LineInternal:    "内部互动线",
	},
}
