/* Forced into Dear ImGui's own example_glfw_opengl3/main.cpp (compiled unchanged from
 * /usr/share/doc/libimgui-dev/examples): its two GLFW calls of the main loop are renamed to
 * ours, which call GLFW and count. That is all the instrumentation: first frame, frames
 * after start-up, peak RSS, and an exit after $LUNGGUIDE_BENCH_EXIT_AFTER seconds. */
#pragma once

#ifdef __cplusplus
extern "C" {
#endif
struct GLFWwindow;
void lungguide_bench_swap_buffers(struct GLFWwindow* window);
int lungguide_bench_window_should_close(struct GLFWwindow* window);
#ifdef __cplusplus
}
#endif

#define glfwSwapBuffers lungguide_bench_swap_buffers
#define glfwWindowShouldClose lungguide_bench_window_should_close
