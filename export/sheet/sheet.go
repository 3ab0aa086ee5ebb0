// Package sheet turns blueprints into spreadsheets and back: a CSV or XLSX
// workbook with one row per step, a sheet of flows and a sheet with the
// rest of the blueprint (title, lanes, lines, column names, lint settings
// and comments), so that an export read back gives the same blueprint.
// Import also reads the grid that teams draft by hand, lanes down and
// steps across. The backlog export turns fail points and lint findings
// into the CSV that GitHub, Jira and GitLab import.
//
// The package is Fyne-free: it needs only the blueprint model.
package sheet

// Table is one sheet of cells, row by row; the first row is the header.
// Rows may be ragged.
type Table [][]string

// Book is the sheets of one blueprint workbook.
type Book struct {
	// Steps has one row per step, under StepHeader.
	Steps Table
	// Flows has one row per flow, under FlowHeader; nil when the workbook
	// has no flows sheet.
	Flows Table
	// Blueprint has the rest of the blueprint as key and value rows, under
	// BlueprintHeader; nil when the workbook has no such sheet.
	Blueprint Table
}

// The sheet names of an XLSX workbook, and the suffixes of the CSV files
// beside steps.csv (steps.flows.csv, steps.blueprint.csv).
const (
	SheetSteps     = "steps"
	SheetFlows     = "flows"
	SheetBlueprint = "blueprint"
)

// StepHeader is the header of the steps sheet. The first fifteen columns
// are the step's fields; "column name" and "lane name" give the names of
// its column and lane, "queue" and "waiting" its queue and the conditions
// of waiting it meets, and "comments" the YAML comments kept on it.
var StepHeader = []string{
	"phase", "column", "lane", "id", "text", "owner", "duration", "wait",
	"fail", "recovery", "moment", "emotion", "votes", "tags", "notes",
	"column name", "lane name", "queue", "waiting", "comments",
}

// FlowHeader is the header of the flows sheet.
var FlowHeader = []string{"from", "to", "label", "two-way", "comment"}

// BlueprintHeader is the header of the blueprint sheet.
var BlueprintHeader = []string{"key", "value"}

// The keys of the blueprint sheet.
const (
	// keyYAML holds the blueprint without its steps and flows, as
	// canonical YAML; a long text is split over several rows.
	keyYAML = "yaml"
	// keyStepsComment and the others hold the comments above and beside
	// the top-level steps: and flows: keys.
	keyStepsComment     = "steps comment"
	keyStepsLineComment = "steps line comment"
	keyFlowsComment     = "flows comment"
	keyFlowsLineComment = "flows line comment"
)

// Limits on what import reads, so that a hostile or mistaken file is
// refused instead of exhausting memory.
const (
	// MaxFileSize is the largest CSV or XLSX file import reads.
	MaxFileSize = 20 << 20
	// MaxRows is the most rows one sheet may have.
	MaxRows = 100_000
	// MaxCells is the most cells one sheet may have.
	MaxCells = 2_000_000
	// maxUnzipped bounds the unpacked size of an XLSX file.
	maxUnzipped = 128 << 20
	// maxCellChars is the most characters an XLSX cell holds (Excel's
	// limit).
	maxCellChars = 32767
)
