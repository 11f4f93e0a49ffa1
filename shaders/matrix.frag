#version 300 es
// Each cell of the student × lesson matrix in three stripes: attendance, homework, grade, their
// colours from u_palette (4 per stripe, by the state's value). The cell states come from one
// RGBA8 texel per cell (core/student_lesson_matrix.h, pack_matrix_texels) laid out row-major
// over a texture u_tex_width texels wide, so thousands of rows fit the texture size limit.
precision highp float;
precision highp int;

uniform sampler2D u_states;
uniform int u_tex_width;
uniform int u_columns;
uniform int u_rows;
uniform float u_first_row;    // the row at the top of the quad (fractional while scrolling)
uniform vec2 u_cell_px;       // a cell's size in framebuffer pixels
uniform vec3 u_palette[12];   // attendance 0-3, homework 4-7, grade 8-11
uniform vec3 u_empty;         // a lesson number the row's course does not have
uniform vec3 u_gap;           // the lines between cells
uniform ivec2 u_hover;        // column, row under the pointer (-1: none)

in vec2 v_cell;
out vec4 o_color;

void main() {
    float row_f = v_cell.y + u_first_row;
    int column = int(floor(v_cell.x));
    int row = int(floor(row_f));
    if (column >= u_columns || row >= u_rows) discard;
    vec2 inside = vec2(fract(v_cell.x), fract(row_f)) * u_cell_px;
    if (inside.x < 1.0 || inside.y < 1.0) { o_color = vec4(u_gap, 1.0); return; }
    int index = row * u_columns + column;
    vec4 texel = texelFetch(u_states, ivec2(index % u_tex_width, index / u_tex_width), 0);
    vec3 color = u_empty;
    if (texel.a > 0.5) {
        ivec3 state = ivec3(texel.rgb * 255.0 + 0.5);
        float stripe = fract(v_cell.x) * 3.0;
        color = stripe < 1.0 ? u_palette[state.r] : stripe < 2.0 ? u_palette[4 + state.g] : u_palette[8 + state.b];
    }
    if (row == u_hover.y || column == u_hover.x) color = mix(color, vec3(0.23, 0.42, 0.96), 0.18);
    o_color = vec4(color, 1.0);
}
