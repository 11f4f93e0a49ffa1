#include "views/matrix_gl.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <string>

#include "platform.h"

extern const char* const kMatrixVertexShader;
extern const char* const kMatrixFragmentShader;

namespace wb::app::matrix_gl {
namespace {

constexpr int kTexWidth = 256;   // texels per texture row (cells laid out row-major over it)

struct Gl {
    uint64_t generation = 0;   // platform::gl_generation() the objects belong to
    GLuint program = 0, vao = 0, vbo = 0, texture = 0;
    GLint u_rect = -1, u_cells = -1, u_states = -1, u_tex_width = -1, u_columns = -1, u_rows = -1,
          u_first_row = -1, u_cell_px = -1, u_palette = -1, u_empty = -1, u_gap = -1, u_hover = -1;
    uint64_t uploaded = ~uint64_t(0);
    int rows = 0, columns = 0;
    int frames = 0;
    bool failed = false;       // the program did not build for this context
    std::string error;
};

Gl& gl() {
    static Gl g;
    return g;
}

// The data a draw callback carries (copied into the draw list by ImGui).
struct DrawArgs {
    ImVec2 min, max;
    float first_row, cell_w, cell_h;
    int hover_column, hover_row;
};

GLuint compile(GLenum kind, const char* source, std::string& error) {
    GLuint s = glCreateShader(kind);
    glShaderSource(s, 1, &source, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[512] = {};
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        error = std::string(kind == GL_VERTEX_SHADER ? "matrix.vert: " : "matrix.frag: ") + log;
        glDeleteShader(s);
        return 0;
    }
    return s;
}

bool make_objects() {
    Gl& g = gl();
    if (g.generation == platform::gl_generation()) return !g.failed;
    // First use, or the context was lost and restored: the old objects died with it (the count
    // of frames drawn goes on: it is since start, across contexts).
    const int frames = g.frames;
    g = Gl{};
    g.frames = frames;
    g.generation = platform::gl_generation();
    g.failed = true;
    GLuint vs = compile(GL_VERTEX_SHADER, kMatrixVertexShader, g.error);
    GLuint fs = vs ? compile(GL_FRAGMENT_SHADER, kMatrixFragmentShader, g.error) : 0;
    if (!vs || !fs) return false;
    g.program = glCreateProgram();
    glAttachShader(g.program, vs);
    glAttachShader(g.program, fs);
    glBindAttribLocation(g.program, 0, "a_corner");
    glLinkProgram(g.program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint linked = 0;
    glGetProgramiv(g.program, GL_LINK_STATUS, &linked);
    if (!linked) { g.error = "matrix program did not link"; glDeleteProgram(g.program); g.program = 0; return false; }
    auto at = [&](const char* name) { return glGetUniformLocation(g.program, name); };
    g.u_rect = at("u_rect_ndc"), g.u_cells = at("u_cells"), g.u_states = at("u_states"), g.u_tex_width = at("u_tex_width");
    g.u_columns = at("u_columns"), g.u_rows = at("u_rows"), g.u_first_row = at("u_first_row"), g.u_cell_px = at("u_cell_px");
    g.u_palette = at("u_palette"), g.u_empty = at("u_empty"), g.u_gap = at("u_gap"), g.u_hover = at("u_hover");
    const float corners[] = {0, 0, 1, 0, 0, 1, 1, 1};
    glGenVertexArrays(1, &g.vao);
    glBindVertexArray(g.vao);
    glGenBuffers(1, &g.vbo);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
    glBufferData(GL_ARRAY_BUFFER, sizeof corners, corners, GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindVertexArray(0);
    glGenTextures(1, &g.texture);
    glBindTexture(GL_TEXTURE_2D, g.texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    g.failed = false;
    return true;
}

void set_color(GLint location, const ImVec4& c) { glUniform3f(location, c.x, c.y, c.z); }

void draw_callback(const ImDrawList*, const ImDrawCmd* cmd) {
    const DrawArgs& a = *static_cast<const DrawArgs*>(cmd->UserCallbackData);
    Gl& g = gl();
    if (!make_objects() || g.uploaded == ~uint64_t(0) || g.rows == 0) return;
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 scale = io.DisplayFramebufferScale;
    const float fb_h = io.DisplaySize.y * scale.y;
    // Clip to the window's visible part (the command's clip rectangle) and to the matrix.
    const ImVec2 lo(std::max(a.min.x, cmd->ClipRect.x), std::max(a.min.y, cmd->ClipRect.y));
    const ImVec2 hi(std::min(a.max.x, cmd->ClipRect.z), std::min(a.max.y, cmd->ClipRect.w));
    if (hi.x <= lo.x || hi.y <= lo.y) return;
    glEnable(GL_SCISSOR_TEST);
    glScissor(static_cast<GLint>(lo.x * scale.x), static_cast<GLint>(fb_h - hi.y * scale.y),
              static_cast<GLsizei>((hi.x - lo.x) * scale.x), static_cast<GLsizei>((hi.y - lo.y) * scale.y));
    glDisable(GL_BLEND);
    glUseProgram(g.program);
    auto ndc_x = [&](float x) { return x / io.DisplaySize.x * 2.0f - 1.0f; };
    auto ndc_y = [&](float y) { return 1.0f - y / io.DisplaySize.y * 2.0f; };
    glUniform4f(g.u_rect, ndc_x(a.min.x), ndc_y(a.min.y), ndc_x(a.max.x), ndc_y(a.max.y));
    glUniform2f(g.u_cells, (a.max.x - a.min.x) / a.cell_w, (a.max.y - a.min.y) / a.cell_h);
    glUniform1i(g.u_tex_width, kTexWidth);
    glUniform1i(g.u_columns, g.columns);
    glUniform1i(g.u_rows, g.rows);
    glUniform1f(g.u_first_row, a.first_row);
    glUniform2f(g.u_cell_px, a.cell_w * scale.x, a.cell_h * scale.y);
    const Palette& p = palette();
    float colors[36];
    for (int i = 0; i < 12; ++i) colors[i * 3] = p.states[i].x, colors[i * 3 + 1] = p.states[i].y, colors[i * 3 + 2] = p.states[i].z;
    glUniform3fv(g.u_palette, 12, colors);
    set_color(g.u_empty, p.empty);
    set_color(g.u_gap, p.gap);
    glUniform2i(g.u_hover, a.hover_column, a.hover_row);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, g.texture);
    glUniform1i(g.u_states, 0);
    glBindVertexArray(g.vao);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
    ++g.frames;
    if (GLenum e = glGetError(); e != GL_NO_ERROR) g.error = "GL error " + std::to_string(e);
}

}  // namespace

const Palette& palette() {
    auto rgb = [](int r, int g, int b) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, 1.0f); };
    static const Palette p{
        {// attendance: unknown, attended, leave, absent
         rgb(0xE5, 0xE7, 0xEB), rgb(0x22, 0xA0, 0x6B), rgb(0xF5, 0xB0, 0x41), rgb(0xE5, 0x48, 0x4D),
         // homework: not due, on time, late, missing
         rgb(0xE5, 0xE7, 0xEB), rgb(0x3B, 0x82, 0xF6), rgb(0x93, 0xC5, 0xFD), rgb(0xE5, 0x48, 0x4D),
         // grade: none, S, A, B
         rgb(0xE5, 0xE7, 0xEB), rgb(0x7C, 0x3A, 0xED), rgb(0xA7, 0x8B, 0xFA), rgb(0xF5, 0xB0, 0x41)},
        rgb(0xF7, 0xF8, 0xFA), rgb(0xFF, 0xFF, 0xFF)};
    return p;
}

void upload(const std::vector<uint8_t>& texels, int rows, int columns, uint64_t version) {
    Gl& g = gl();
    if (!make_objects()) return;
    if (g.uploaded == version) return;   // (a new context starts with nothing uploaded)
    const int cells = rows * columns;
    const int tex_rows = std::max(1, (cells + kTexWidth - 1) / kTexWidth);
    std::vector<uint8_t> padded(size_t(kTexWidth) * size_t(tex_rows) * 4, 0);
    std::copy(texels.begin(), texels.begin() + std::min(texels.size(), padded.size()), padded.begin());
    glBindTexture(GL_TEXTURE_2D, g.texture);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, kTexWidth, tex_rows, 0, GL_RGBA, GL_UNSIGNED_BYTE, padded.data());
    g.uploaded = version;
    g.rows = rows;
    g.columns = columns;
}

void draw(ImDrawList* dl, ImVec2 min, ImVec2 max, float first_row, float cell_w, float cell_h, int hover_column,
          int hover_row) {
    const DrawArgs args{min, max, first_row, cell_w, cell_h, hover_column, hover_row};
    dl->AddCallback(draw_callback, const_cast<DrawArgs*>(&args), sizeof args);
    dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

int frames_drawn() { return gl().frames; }
const char* last_error() { return gl().error.c_str(); }

}  // namespace wb::app::matrix_gl
