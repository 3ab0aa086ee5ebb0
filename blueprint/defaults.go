package blueprint

// Names holds the display names used for the canonical lanes and lines, so
// that a new blueprint can be created in the user's language.
type Names struct {
	Lanes map[LaneKind]string
	Lines map[LineKind]string
}

// EnglishNames are the canonical English lane and line names. They are the
// defaults of the file format: a lane or line whose name equals its kind's
// English name is saved without a name. The names in other languages come
// from the catalogues of blueprint/i18n, whose keys are these names.
var EnglishNames = Names{
	Lanes: map[LaneKind]string{
		LaneEvidence:   "Physical evidence",
		LaneCustomer:   "Customer actions",
		LaneFrontstage: "Frontstage actions",
		LaneBackstage:  "Backstage actions",
		LaneSupport:    "Support processes",
	},
	Lines: map[LineKind]string{
		LineInteraction: "Line of interaction",
		LineVisibility:  "Line of visibility",
		LineInternal:    "Line of internal interaction",
	},
}

// DefaultLanes returns the five canonical lanes, named with names.
func DefaultLanes(names Names) []Lane {
	kinds := LaneKinds[:5]
	lanes := make([]Lane, len(kinds))
	for i, k := range kinds {
		lanes[i] = Lane{ID: string(k), Name: names.Lanes[k], Kind: k}
	}
	return lanes
}

// DefaultLines returns the three canonical lines, placed below the customer,
// frontstage and backstage lanes, named with names.
func DefaultLines(names Names) []Line {
	return []Line{
		{ID: string(LineInteraction), Kind: LineInteraction, Name: names.Lines[LineInteraction], Below: string(LaneCustomer), Style: StyleSolid},
		{ID: string(LineVisibility), Kind: LineVisibility, Name: names.Lines[LineVisibility], Below: string(LaneFrontstage), Style: StyleDashed},
		{ID: string(LineInternal), Kind: LineInternal, Name: names.Lines[LineInternal], Below: string(LaneBackstage), Style: StyleDashDot},
	}
}

// New returns an empty blueprint with the canonical lanes and lines named
// with names and one empty column, whose id "column" matches the ids the
// editor gives the columns it adds ("column-2", "column-3" ...).
func New(title string, names Names) *Document {
	return &Document{
		Version: FormatVersion,
		Title:   title,
		Lanes:   DefaultLanes(names),
		Lines:   DefaultLines(names),
		Columns: []Column{{ID: "column"}},
	}
}

// defaultLaneName is the name a lane gets when its file entry has none.
func defaultLaneName(l Lane) string {
	if n, ok := EnglishNames.Lanes[l.Kind]; ok {
		return n
	}
	return l.ID
}

// defaultLineName is the name a line gets when its file entry has none.
func defaultLineName(l Line) string {
	if n, ok := EnglishNames.Lines[l.Kind]; ok {
		return n
	}
	return l.ID
}

// defaultLaneKind is the kind a lane gets when its file entry has none: the
// kind named by its id, or custom.
func defaultLaneKind(id string) LaneKind {
	for _, k := range LaneKinds[:5] {
		if string(k) == id {
			return k
		}
	}
	return LaneCustom
}
