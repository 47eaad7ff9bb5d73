// Dear ImGui's OpenGL3 backend built a second time, for OpenGL ES 3.
//
// libimgui.a already holds the desktop-GL build with the public names
// ImGui_ImplOpenGL3_*. Renaming every public (and the one non-static type) name with
// macros before including the source gives a second, independent backend in the same
// binary: ImGui_ImplOpenGLES3_*. It links against libGLESv2 directly (no loader).
#define IMGUI_IMPL_OPENGL_ES3
#define ImGui_ImplOpenGL3_Init ImGui_ImplOpenGLES3_Init
#define ImGui_ImplOpenGL3_Shutdown ImGui_ImplOpenGLES3_Shutdown
#define ImGui_ImplOpenGL3_NewFrame ImGui_ImplOpenGLES3_NewFrame
#define ImGui_ImplOpenGL3_RenderDrawData ImGui_ImplOpenGLES3_RenderDrawData
#define ImGui_ImplOpenGL3_CreateFontsTexture ImGui_ImplOpenGLES3_CreateFontsTexture
#define ImGui_ImplOpenGL3_DestroyFontsTexture ImGui_ImplOpenGLES3_DestroyFontsTexture
#define ImGui_ImplOpenGL3_CreateDeviceObjects ImGui_ImplOpenGLES3_CreateDeviceObjects
#define ImGui_ImplOpenGL3_DestroyDeviceObjects ImGui_ImplOpenGLES3_DestroyDeviceObjects
#define ImGui_ImplOpenGL3_Data ImGui_ImplOpenGLES3_Data
#define ImGui_ImplOpenGL3_GetBackendData ImGui_ImplOpenGLES3_GetBackendData
#define ImGui_ImplOpenGL3_SetupRenderState ImGui_ImplOpenGLES3_SetupRenderState

#include LUNGGUIDE_IMGUI_OPENGL3_SOURCE
