import Foundation

/// Polar geometry of the benchmarking wheel. Angles are in degrees, clockwise from 12 o'clock;
/// SVG rotations are in degrees, clockwise from the x axis.
enum WheelGeometry {
    /// A point in the plane.
    struct Point: Sendable, Hashable {
        var x: Double
        var y: Double
    }

    /// An annular sector: from angle `start` to `end`, radius `inner` to `outer`, around `centre`.
    struct Sector: Sendable, Hashable {
        var centre: Point
        var start: Double
        var end: Double
        var inner: Double
        var outer: Double

        /// The middle angle.
        var mid: Double { (start + end) / 2 }

        /// Whether `p` lies inside, `padding` px away from the arcs and from the straight sides.
        func contains(_ p: Point, padding: Double) -> Bool {
            let dx = p.x - centre.x, dy = p.y - centre.y
            let r = (dx * dx + dy * dy).squareRoot()
            guard r >= inner + padding - 1e-9, r <= outer - padding + 1e-9 else { return false }
            if end - start >= 360 - 1e-9 { return true }
            let a = WheelGeometry.angle(dx: dx, dy: dy)
            let d = (a - start).truncatingRemainder(dividingBy: 360)
            let offset = d < 0 ? d + 360 : d
            guard offset <= end - start else { return false }
            // Distance to the two straight sides, measured across them.
            let toStart = r * sin(offset * .pi / 180), toEnd = r * sin((end - start - offset) * .pi / 180)
            return (offset >= 90 || toStart >= padding - 1e-9) && (end - start - offset >= 90 || toEnd >= padding - 1e-9)
        }
    }

    /// The point at `radius` and `angle` from `centre`.
    static func point(_ centre: Point, radius: Double, angle: Double) -> Point {
        let t = angle * .pi / 180
        return Point(x: centre.x + radius * sin(t), y: centre.y - radius * cos(t))
    }

    /// The wheel angle (0-360) of the direction (dx, dy) in SVG coordinates.
    static func angle(dx: Double, dy: Double) -> Double {
        let a = atan2(dx, -dy) * 180 / .pi
        return a < 0 ? a + 360 : a
    }

    /// The corners of a `width` × `height` box centred on `centre` and turned by `rotation`
    /// degrees (SVG), in order around the box.
    static func corners(centre: Point, width: Double, height: Double, rotation: Double) -> [Point] {
        let t = rotation * .pi / 180
        let ux = cos(t), uy = sin(t)  // along the text
        let vx = -sin(t), vy = cos(t)  // across it
        let w = width / 2, h = height / 2
        return [(-w, -h), (w, -h), (w, h), (-w, h)].map { a, b in
            Point(x: centre.x + a * ux + b * vx, y: centre.y + a * uy + b * vy)
        }
    }

    /// Points along the edges of a polygon (its corners and `steps` - 1 points between each pair).
    static func outline(_ corners: [Point], steps: Int = 6) -> [Point] {
        var out: [Point] = []
        for k in corners.indices {
            let a = corners[k], b = corners[(k + 1) % corners.count]
            for s in 0..<steps {
                let f = Double(s) / Double(steps)
                out.append(Point(x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f))
            }
        }
        return out
    }

    /// The SVG path of a sector.
    static func path(_ s: Sector) -> String {
        typealias M = SVGMarkup
        if s.end - s.start >= 360 - 1e-9 {
            // A full ring: two half arcs on each circle (an arc cannot start and end at one point).
            let o1 = point(s.centre, radius: s.outer, angle: 0), o2 = point(s.centre, radius: s.outer, angle: 180)
            var d = "M\(M.n(o1.x)),\(M.n(o1.y)) A\(M.n(s.outer)),\(M.n(s.outer)) 0 1 1 \(M.n(o2.x)),\(M.n(o2.y)) A\(M.n(s.outer)),\(M.n(s.outer)) 0 1 1 \(M.n(o1.x)),\(M.n(o1.y)) Z"
            if s.inner > 0 {
                let i1 = point(s.centre, radius: s.inner, angle: 0), i2 = point(s.centre, radius: s.inner, angle: 180)
                d += " M\(M.n(i1.x)),\(M.n(i1.y)) A\(M.n(s.inner)),\(M.n(s.inner)) 0 1 0 \(M.n(i2.x)),\(M.n(i2.y)) A\(M.n(s.inner)),\(M.n(s.inner)) 0 1 0 \(M.n(i1.x)),\(M.n(i1.y)) Z"
            }
            return d
        }
        let large = s.end - s.start > 180 ? 1 : 0
        let a = point(s.centre, radius: s.outer, angle: s.start), b = point(s.centre, radius: s.outer, angle: s.end)
        var d = "M\(M.n(a.x)),\(M.n(a.y)) A\(M.n(s.outer)),\(M.n(s.outer)) 0 \(large) 1 \(M.n(b.x)),\(M.n(b.y))"
        if s.inner > 0 {
            let c = point(s.centre, radius: s.inner, angle: s.end), e = point(s.centre, radius: s.inner, angle: s.start)
            d += " L\(M.n(c.x)),\(M.n(c.y)) A\(M.n(s.inner)),\(M.n(s.inner)) 0 \(large) 0 \(M.n(e.x)),\(M.n(e.y)) Z"
        } else {
            d += " L\(M.n(s.centre.x)),\(M.n(s.centre.y)) Z"
        }
        return d
    }
}
