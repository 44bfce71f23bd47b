//! The map pane's state: the window of the world shown, the view's points, and their counts
//! per dot of the window. The points are gathered when the pane opens or the view changes, and
//! binned when the window or the size changes, so that drawing a million events costs no more
//! than drawing the dots of the screen.

use crate::model::EventIx;
use crate::timeline::Timeline;

/// A window of the world in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub west: f64,
    pub east: f64,
    pub south: f64,
    pub north: f64,
}

/// The narrowest window zooming goes to, in degrees of latitude (about 1 km).
const MIN_SPAN: f64 = 0.01;

impl Bounds {
    pub const WORLD: Bounds = Bounds {
        west: -180.0,
        east: 180.0,
        south: -90.0,
        north: 90.0,
    };

    /// The smallest window holding every point, with a margin; the world when there are none.
    pub fn around(points: &[[f32; 2]]) -> Bounds {
        if points.is_empty() {
            return Bounds::WORLD;
        }
        let (mut west, mut east, mut south, mut north) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for [lon, lat] in points {
            let (lon, lat) = (f64::from(*lon), f64::from(*lat));
            west = west.min(lon);
            east = east.max(lon);
            south = south.min(lat);
            north = north.max(lat);
        }
        // A margin of a tenth either way, and at least a degree, so that one point or a line
        // of them is shown with its surroundings.
        let pad_x = ((east - west) / 10.0).max(1.0);
        let pad_y = ((north - south) / 10.0).max(1.0);
        Bounds {
            west: west - pad_x,
            east: east + pad_x,
            south: south - pad_y,
            north: north + pad_y,
        }
        .clamped()
    }

    fn width(&self) -> f64 {
        self.east - self.west
    }

    fn height(&self) -> f64 {
        self.north - self.south
    }

    /// Kept inside the world, its size kept where it fits.
    fn clamped(self) -> Bounds {
        let width = self.width().clamp(MIN_SPAN, 360.0);
        let height = self.height().clamp(MIN_SPAN, 180.0);
        let west = self.west.clamp(-180.0, 180.0 - width);
        let south = self.south.clamp(-90.0, 90.0 - height);
        Bounds {
            west,
            east: west + width,
            south,
            north: south + height,
        }
    }

    /// The window `factor` times as wide and high, about the same centre.
    pub fn zoomed(self, factor: f64) -> Bounds {
        let (cx, cy) = (
            (self.west + self.east) / 2.0,
            (self.south + self.north) / 2.0,
        );
        let (w, h) = (
            (self.width() * factor).max(MIN_SPAN) / 2.0,
            (self.height() * factor).max(MIN_SPAN) / 2.0,
        );
        Bounds {
            west: cx - w,
            east: cx + w,
            south: cy - h,
            north: cy + h,
        }
        .clamped()
    }

    /// The window moved by fractions of its width (east) and height (north).
    pub fn panned(self, east: f64, north: f64) -> Bounds {
        let (dx, dy) = (self.width() * east, self.height() * north);
        Bounds {
            west: self.west + dx,
            east: self.east + dx,
            south: self.south + dy,
            north: self.north + dy,
        }
        .clamped()
    }

    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.west..=self.east).contains(&lon) && (self.south..=self.north).contains(&lat)
    }
}

/// How many points fall on each dot of the window: `columns` x `rows` dots, row 0 at the north,
/// placed as ratatui's canvas places a point (rounded to the nearest dot).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    pub columns: usize,
    pub rows: usize,
    pub counts: Vec<u32>,
}

impl Grid {
    /// The dots with points, as (column, row, count).
    pub fn dots(&self) -> impl Iterator<Item = (usize, usize, u32)> + '_ {
        let columns = self.columns.max(1);
        self.counts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(move |(at, n)| (at % columns, at / columns, *n))
    }

    /// Points in the window.
    pub fn total(&self) -> u64 {
        self.counts.iter().map(|n| u64::from(*n)).sum()
    }
}

/// The open map pane.
#[derive(Clone, Debug, PartialEq)]
pub struct MapPane {
    /// Where the pane opened (the extent of the view's points), for `0`.
    pub home: Bounds,
    pub window: Bounds,
    /// The view's points as (longitude, latitude): floats of half the size, as a million
    /// points are binned again at every zoom and pan.
    points: Vec<[f32; 2]>,
    /// Events in the view.
    pub events: usize,
    pub grid: Grid,
}

impl MapPane {
    /// The map of `view`, zoomed to its points, binned for `dots` (columns, rows).
    pub fn open(timeline: &Timeline, view: &[EventIx], dots: (usize, usize)) -> MapPane {
        let mut map = MapPane {
            home: Bounds::WORLD,
            window: Bounds::WORLD,
            points: Vec::new(),
            events: 0,
            grid: Grid::default(),
        };
        map.gather(timeline, view);
        map.home = Bounds::around(&map.points);
        map.window = map.home;
        map.bin(dots);
        map
    }

    /// Takes the points of a new view; the window stays.
    pub fn gather(&mut self, timeline: &Timeline, view: &[EventIx]) {
        self.events = view.len();
        self.points = view
            .iter()
            .filter_map(|ix| timeline.event(*ix).point.as_deref().copied())
            .filter(|p| p.lat.is_finite() && p.lon.is_finite())
            .map(|p| [p.lon as f32, p.lat as f32])
            .collect();
    }

    /// Events of the view with coordinates.
    pub fn located(&self) -> usize {
        self.points.len()
    }

    /// Counts the points on each dot of the window, for a canvas of `columns` x `rows` dots.
    pub fn bin(&mut self, (columns, rows): (usize, usize)) {
        let mut counts = vec![0u32; columns * rows];
        if columns > 1 && rows > 1 {
            let w = self.window;
            let sx = (columns - 1) as f64 / (w.east - w.west);
            let sy = (rows - 1) as f64 / (w.north - w.south);
            for [lon, lat] in &self.points {
                let (lon, lat) = (f64::from(*lon), f64::from(*lat));
                if !w.contains(lon, lat) {
                    continue;
                }
                let x = ((lon - w.west) * sx).round() as usize;
                let y = ((w.north - lat) * sy).round() as usize;
                if let Some(n) = counts.get_mut(y.min(rows - 1) * columns + x.min(columns - 1)) {
                    *n = n.saturating_add(1);
                }
            }
        }
        self.grid = Grid {
            columns,
            rows,
            counts,
        };
    }

    /// The dot (column, row) a place falls on, as `bin` counts it; `None` outside the window.
    pub fn dot_of(&self, lon: f64, lat: f64) -> Option<(usize, usize)> {
        let (columns, rows) = (self.grid.columns, self.grid.rows);
        let w = self.window;
        if columns < 2 || rows < 2 || !w.contains(lon, lat) {
            return None;
        }
        let x = ((lon - w.west) * (columns - 1) as f64 / (w.east - w.west)).round() as usize;
        let y = ((w.north - lat) * (rows - 1) as f64 / (w.north - w.south)).round() as usize;
        Some((x.min(columns - 1), y.min(rows - 1)))
    }

    /// A place that ratatui's canvas writes a label at in the character cell holding dot
    /// (`column`, `row`), with `per_cell` dots to a cell each way: labels are placed by cells,
    /// cut rather than rounded, so a dot's own place may land in the next cell.
    pub fn label_place(
        &self,
        (column, row): (usize, usize),
        per_cell: (usize, usize),
    ) -> (f64, f64) {
        let w = self.window;
        let cells = (
            (self.grid.columns / per_cell.0).max(2),
            (self.grid.rows / per_cell.1).max(2),
        );
        let (cx, cy) = (column / per_cell.0, row / per_cell.1);
        // A quarter cell in, so that cutting lands in the cell whatever the rounding.
        let x = w.west + (cx as f64 + 0.25) * (w.east - w.west) / (cells.0 - 1) as f64;
        let y = w.north - (cy as f64 + 0.25) * (w.north - w.south) / (cells.1 - 1) as f64;
        (x.min(w.east), y.max(w.south))
    }

    /// The place of dot (`column`, `row`) in degrees: (longitude, latitude).
    pub fn dot_place(&self, column: usize, row: usize) -> (f64, f64) {
        let w = self.window;
        let x = (w.east - w.west) / (self.grid.columns.max(2) - 1) as f64;
        let y = (w.north - w.south) / (self.grid.rows.max(2) - 1) as f64;
        (w.west + column as f64 * x, w.north - row as f64 * y)
    }
}
