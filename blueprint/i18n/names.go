package i18n

import "servicebp/blueprint"

// Names returns the canonical lane and line names in l. The catalogue key
// of each is its English name (blueprint.EnglishNames, the file format's
// default), so English gives EnglishNames back.
func (l Lang) Names() blueprint.Names {
	n := blueprint.Names{
		Lanes: make(map[blueprint.LaneKind]string, len(blueprint.EnglishNames.Lanes)),
		Lines: make(map[blueprint.LineKind]string, len(blueprint.EnglishNames.Lines)),
	}
	for k, en := range blueprint.EnglishNames.Lanes {
		n.Lanes[k] = l.T(en)
	}
	for k, en := range blueprint.EnglishNames.Lines {
		n.Lines[k] = l.T(en)
	}
	return n
}
