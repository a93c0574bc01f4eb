"use client";

import { type ButtonHTMLAttributes, forwardRef } from "react";
import { buttonClasses, type ButtonStyle } from "./button-classes";
import { useHydrated } from "./use-hydrated";

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & ButtonStyle;

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = "secondary", size = "md", className, type = "button", disabled, ...props },
  ref,
) {
  // A button whose behaviour is an onClick handler does nothing before hydration: show it disabled
  // until then rather than swallow the click. Submit buttons work without JS and stay enabled.
  const hydrated = useHydrated();
  const inert = !hydrated && type !== "submit" && props.onClick !== undefined;
  return (
    <button
      ref={ref}
      type={type}
      disabled={disabled || inert}
      className={buttonClasses({ variant, size }, className)}
      {...props}
    />
  );
});
