#version 300 es
// The student × lesson matrix: one quad over the visible part of the matrix region.
// v_cell runs in cells: x over the columns, y over the visible rows from the top.
layout(location = 0) in vec2 a_corner;   // (0,0) top left .. (1,1) bottom right

uniform vec4 u_rect_ndc;   // left, top, right, bottom in clip space
uniform vec2 u_cells;      // columns, visible rows (fractional when the last row is cut)

out vec2 v_cell;

void main() {
    vec2 p = mix(u_rect_ndc.xy, u_rect_ndc.zw, a_corner);
    v_cell = a_corner * u_cells;
    gl_Position = vec4(p, 0.0, 1.0);
}
