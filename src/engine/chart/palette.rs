//! The Government Analysis Function palette (`../shared/domain.md`, "Accessibility of what is
//! published"), in its given order.

use plotters::style::RGBColor;

pub const DARK_BLUE: RGBColor = RGBColor(0x12, 0x43, 0x6D);
pub const TURQUOISE: RGBColor = RGBColor(0x28, 0xA1, 0x97);
pub const DARK_PINK: RGBColor = RGBColor(0x80, 0x16, 0x50);
pub const ORANGE: RGBColor = RGBColor(0xF4, 0x6A, 0x25);
pub const DARK_GREY: RGBColor = RGBColor(0x3D, 0x3D, 0x3D);
pub const LIGHT_PURPLE: RGBColor = RGBColor(0xA2, 0x85, 0xD1);

/// The categorical palette in order.
pub const CATEGORICAL: [RGBColor; 6] = [DARK_BLUE, TURQUOISE, DARK_PINK, ORANGE, DARK_GREY, LIGHT_PURPLE];

/// Body text: near-black, as GOV.UK uses.
pub const TEXT: RGBColor = RGBColor(0x0B, 0x0C, 0x0C);
/// Secondary text (subtitle, source) that still passes 4.5:1 on white.
pub const SECONDARY_TEXT: RGBColor = RGBColor(0x50, 0x5A, 0x5F);
pub const GRID: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);
/// A pale band behind a highlighted group of bars (GOV.UK light grey), where the bars' own
/// colours already belong to their series.
pub const HIGHLIGHT_BAND: RGBColor = RGBColor(0xF3, 0xF2, 0xF1);
